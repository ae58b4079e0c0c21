using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace GenomDE.Orleans.Tests.Events;

/// <summary>How a receiver verifies our deliveries with the <c>StandardWebhooks</c> library.
/// StandardWebhooks 1.1.2's <c>Verify</c> never looks at the last entry of a header that holds
/// several signatures (its loop ends once no space follows), so during a secret rotation a receiver
/// holding only the old secret would be refused. Handing the library one signature at a time works
/// with every version and is what the README's receiver does.</summary>
public static class SignatureCheck
{
    /// <summary>True when one of the <c>webhook-signature</c> entries verifies with <paramref name="secret"/>
    /// (the library also checks the timestamp's age).</summary>
    public static bool Verifies(string secret, string body, IHeaderDictionary headers)
    {
        var webhook = new StandardWebhook(secret);
        foreach (var signature in headers["webhook-signature"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var single = new HeaderDictionary
            {
                ["webhook-id"] = headers["webhook-id"],
                ["webhook-timestamp"] = headers["webhook-timestamp"],
                ["webhook-signature"] = signature,
            };
            try
            {
                webhook.Verify(body, single);
                return true;
            }
            catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
            {
            }
        }

        return false;
    }
}
