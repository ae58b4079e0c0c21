using GenomDE.Orleans.Persistence;
using Npgsql;

namespace GenomDE.Orleans.Tests.Persistence;

public sealed class OrleansConnectionStringTests
{
    [Fact]
    public void Tune_turns_on_auto_prepare_and_no_reset_on_close()
    {
        var tuned = new NpgsqlConnectionStringBuilder(OrleansConnectionString.Tune("Host=127.0.0.1;Username=postgres;Database=x"));

        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=127.0.0.1;MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("Host=127.0.0.1;max auto prepare=0;no reset on close=false")]
    public void Tune_keeps_settings_the_caller_made(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(OrleansConnectionString.Tune(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
