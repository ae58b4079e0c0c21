using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenomDE.Cli.Hosting;
using GenomDE.Client;
using GenomDE.Client.Generated.Models;

namespace GenomDE.Cli.Commands;

/// <summary>The operator's (BfArM's) work: the node register and the quarterly reports.</summary>
public static class OperatorCommands
{
    public static Command Nodes()
    {
        var kind = new Option<string?>("--kind") { Description = "Only gdc or cdn nodes." };
        var status = new Option<string?>("--status") { Description = "Only nodes in this status: applied, under_review, approved, suspended, revoked." };
        var list = new Command("list", "The node register (any participant).") { kind, status };
        list.Does(async (parse, client, ct) =>
        {
            var nodes = await client.SendAsync(client.V1.Nodes.ToGetRequestInformation()
                .WithQuery("kind", parse.GetValue(kind)).WithQuery("status", parse.GetValue(status)).WithQuery("limit", "1000"), ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(nodes);
                return;
            }

            Output.Table(nodes, "nodeId", "applicationId", "kind", "status", "name", "site");
        });

        var id = new Argument<string>("id") { Description = "The node ID (GRZ…/KDK…) or, before approval, the application ID." };
        var show = new Command("show", "One node with its history (any participant).") { id };
        show.Does(async (parse, client, ct) => Output.Json(await client.SendAsync(client.V1.Nodes[parse.GetValue(id)!].ToGetRequestInformation(), ct)));

        var applyKind = new Option<string>("--kind") { Description = "gdc or cdn.", Required = true };
        var name = new Option<string>("--name") { Description = "The node's name.", Required = true };
        var site = new Option<string>("--site") { Description = "Where it is.", Required = true };
        var apply = new Command("apply", "Record a node's application (operator).") { applyKind, name, site };
        apply.Does(async (parse, client, ct) =>
        {
            var body = new JsonObject { ["kind"] = parse.GetValue(applyKind), ["name"] = parse.GetValue(name), ["site"] = parse.GetValue(site) };
            ShowNode(parse, await client.SendAsync(client.V1.Nodes.ToPostRequestInformation(new NodeApplication()).WithJson(body.ToJsonString()), ct));
        });

        var nodeId = new Option<string>("--node-id") { Description = "The official node ID to assign: GRZ[A-Z0-9]{3}[0-9]{3} or KDK[A-Z0-9]{3}[0-9]{3}.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the node's history and the audit trail).", DefaultValueFactory = _ => "by the operator" };
        var approve = new Command("approve", "Approve an application under review and assign its node ID (operator).") { id, nodeId, reason };
        approve.Does(async (parse, client, ct) => ShowNode(parse, await client.SendAsync(
            client.V1.Nodes[parse.GetValue(id)!].Approve.ToPostRequestInformation(new ApproveNodeRequest { NodeId = parse.GetValue(nodeId)!, Reason = parse.GetValue(reason)! }), ct)));

        var nodes = new Command("nodes", "The node register: list, show, and the operator's lifecycle steps.") { list, show, apply, approve };
        foreach (var (step, what) in new[] { ("review", "Take an application under review"), ("suspend", "Suspend an approved node"), ("reinstate", "Reinstate a suspended node"), ("revoke", "Revoke a node or refuse an application") })
        {
            var command = new Command(step, $"{what} (operator).") { id, reason };
            command.Does(async (parse, client, ct) =>
            {
                var node = client.V1.Nodes[parse.GetValue(id)!];
                var body = new NodeTransitionRequest { Reason = parse.GetValue(reason)! };
                var request = step switch
                {
                    "review" => node.Review.ToPostRequestInformation(body),
                    "suspend" => node.Suspend.ToPostRequestInformation(body),
                    "reinstate" => node.Reinstate.ToPostRequestInformation(body),
                    _ => node.Revoke.ToPostRequestInformation(body),
                };
                ShowNode(parse, await client.SendAsync(request, ct));
            });
            nodes.Subcommands.Add(command);
        }

        return nodes;
    }

    /// <summary><c>genomde report quarterly 2025 Q2 --node GRZDD0004</c>.</summary>
    public static Command Quarterly()
    {
        var year = new Argument<int>("year") { Description = "The year, e.g. 2025." };
        var quarter = new Argument<string>("quarter") { Description = "Q1, Q2, Q3 or Q4." };
        var node = new Option<string?>("--node") { Description = "The node (operator: required; a node gets its own)." };
        var table = new Option<string>("--table") { Description = "overview, submissions or detailed-qc.", DefaultValueFactory = _ => "overview" };
        var quarterly = new Command("quarterly", "A table of the quarterly report as TSV (gdc/cdn: its own; operator: --node).") { year, quarter, node, table };
        quarterly.Does(async (parse, client, ct) =>
        {
            var request = client.V1.Reports.Quarterly[parse.GetValue(year).ToString(System.Globalization.CultureInfo.InvariantCulture)][parse.GetValue(quarter)!.ToUpperInvariant()][parse.GetValue(table)!]
                .ToGetRequestInformation().WithQuery("node", parse.GetValue(node));
            var tsv = await client.SendForBytesAsync(request, ct);
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(tsv, ct);
        });
        return quarterly;
    }

    private static void ShowNode(ParseResult parse, JsonElement? node)
    {
        if (parse.GetValue(GlobalOptions.Json) || node is not { } view)
        {
            Output.Json(node);
            return;
        }

        Output.Line($"{Output.Text(view, "applicationId")} {Output.Text(view, "nodeId")} {Output.Text(view, "kind")} {Output.Text(view, "name")}: {Output.Text(view, "status")}");
    }
}
