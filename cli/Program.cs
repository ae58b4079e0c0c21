using System.CommandLine;
using GenomDE.Cli.Commands;
using GenomDE.Cli.Hosting;

var root = new RootCommand("""
    genomde: the genomDE platform (§ 64e SGB V) from the command line.

    Hospitals (provider) register cases and submit data; genome data centres (gdc) and clinical data
    nodes (cdn) receipt, check and report on them; the operator (BfArM) keeps the node register; payers
    verify Meldebestätigungen and claim the flat rate. validate and validate-clinical work offline with
    the platform's own rules; every other command calls the API as one participant.

    Connection (first found wins): --url/--client-id/--client-secret/--token-url, then the environment
    GENOMDE_URL, GENOMDE_CLIENT_ID, GENOMDE_CLIENT_SECRET, GENOMDE_TOKEN_URL, then a profile from
    ~/.config/genomde/profiles.json (--profile NAME, else the one named "default"):
      { "default": { "url": "http://localhost:5080", "clientId": "provider.123456789", "clientSecret": "…" } }
    The client ID is {role}.{participantId}; the token endpoint defaults to {url}/connect/token.

    Exit codes: 0 done (valid), 1 refused by the API (or invalid, or not billable), 2 wrong usage.
    Errors of the API are printed as "error: <status> <code>: <title>" with every finding beneath.

    A whole case:
      genomde case register CASE-1                          (provider)
      genomde submit genomic metadata.json                  (provider)
      genomde submit clinical metaData.json                 (provider)
      genomde inbox; genomde receipt <tan>; genomde qc <tan>; genomde report pruefbericht.json   (gdc, cdn)
      genomde tokens list; genomde tokens qr <code>         (provider)
      genomde verify 'IBE+…'; genomde claim 'IBE+…' 'IBE+…' (payer)
    """);
GlobalOptions.AddTo(root);
foreach (var command in ValidateCommands.Create())
{
    root.Subcommands.Add(command);
}

root.Subcommands.Add(CaseCommands.Create());
root.Subcommands.Add(SubmitCommands.Create());
foreach (var command in NodeWorkCommands.Create().Concat(TokenCommands.Create()))
{
    root.Subcommands.Add(command);
}

root.Subcommands.Add(OperatorCommands.Nodes());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    Console.Error.WriteLine("See genomde --help.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync();
