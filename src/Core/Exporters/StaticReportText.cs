using System.Globalization;
using System.Text;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Exporters;

/// <summary>
/// Plain-text table and Markdown renderings of a <see cref="StaticReport"/>: every indicator with its unit;
/// per node, the cost of one run and the number of runs per inference.
/// </summary>
public static class StaticReportText
{
    private static readonly string[] IndicatorHeader = { "indicator", "value", "unit", "readable" };
    private static readonly bool[] IndicatorAlignment = { false, true, false, true };
    private static readonly string[] NodeHeader = { "node", "op", "outputs", "repeats", "macs", "flops", "activations", "memory_access", "" };
    private static readonly bool[] NodeAlignment = { false, false, false, true, true, true, true, true, false };

    /// <summary>
    /// The nodes whose shapes were not inferred, when there are any: their unknown sizes count as 1, so the totals are
    /// lower bounds, which a reader of the totals must see beside them (the warnings that say why may be folded).
    /// </summary>
    private static string Uninferred(Coverage coverage, string separator) =>
        coverage.UninferredNodes.Count == 0 ? ""
        : $"{separator} {coverage.UninferredNodes.Count} with shapes not inferred (their unknown sizes count as 1: the totals are lower bounds; {ErrorCodes.ShapeNotInferred} says why)";

    public static string Table(StaticReport report, bool perNode = false)
    {
        var rows = report.Indicators.Select(i => new[] { i.Name, QuantityFormat.Exact(i.Value, i.Count), i.Unit, QuantityFormat.ForUnit(i.Value, i.Unit).Trim() }).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{UserText.Quote(report.ModelPath, 1000)}  ({Inputs(report)})");
        AppendAligned(text, IndicatorHeader, rows, IndicatorAlignment);
        text.AppendLine(CultureInfo.InvariantCulture, $"coverage: {report.Coverage.Nodes} nodes{Uninferred(report.Coverage, ",")}, unknown ops: {(report.Coverage.UnknownOps.Count == 0 ? "none" : string.Join(", ", report.Coverage.UnknownOps.Select(o => UserText.Quote(o))))}");
        if (perNode)
        {
            text.AppendLine();
            var nodeRows = report.Nodes.Select(n => new[]
            {
                UserText.Quote(n.Name), UserText.Quote(n.OpType), n.OutputShapes, Num(n.Repeats), Num(n.Macs), Num(n.Flops), Num(n.Activations), Num(n.MemoryAccess), Note(n),
            }).ToList();
            AppendAligned(text, NodeHeader, nodeRows, NodeAlignment);
        }

        return text.ToString();
    }

    public static string Markdown(StaticReport report, bool perNode = false)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### `{UserText.Quote(report.ModelPath, 1000).Replace('`', '\'')}`");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Inputs: {Inputs(report)}");
        text.AppendLine();
        text.AppendLine("| indicator | value | unit | readable |");
        text.AppendLine("|---|--:|---|--:|");
        foreach (var i in report.Indicators)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{i.Name}` | {QuantityFormat.Exact(i.Value, i.Count)} | {i.Unit} | {QuantityFormat.ForUnit(i.Value, i.Unit).Trim()} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Coverage: {report.Coverage.Nodes} nodes{Uninferred(report.Coverage, ";")}; unknown ops: {(report.Coverage.UnknownOps.Count == 0 ? "none" : string.Join(", ", report.Coverage.UnknownOps.Select(o => $"`{UserText.Quote(o)}`")))}.");
        if (perNode)
        {
            text.AppendLine();
            text.AppendLine("| node | op | outputs | repeats | macs | flops | activations | memory_access |");
            text.AppendLine("|---|---|---|--:|--:|--:|--:|--:|");
            foreach (var n in report.Nodes)
            {
                var note = Note(n);
                text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(n.Name)} | {Cell(n.OpType)}{(note.Length == 0 ? "" : $" ({note})")} | {n.OutputShapes} | {Num(n.Repeats)} | {Num(n.Macs)} | {Num(n.Flops)} | {Num(n.Activations)} | {Num(n.MemoryAccess)} |");
            }
        }

        return text.ToString();
    }

    private static string Inputs(StaticReport report) =>
        string.Join(", ", report.Inputs.Select(i => $"{UserText.Quote(i.Key)}: {i.Value}"));

    /// <summary>A name from the model in a table: escaped, bounded, and its pipes escaped.</summary>
    private static string Cell(string text) => UserText.Quote(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Note(NodeCost node) => !node.Costed ? "unknown" : node.Branch ?? "";

    private static string Num(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static void AppendAligned(StringBuilder text, string[] header, List<string[]> rows, bool[] rightAligned)
    {
        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        void Line(string[] cells) => text.AppendLine(string.Join("  ",
            cells.Select((cell, c) => rightAligned[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        Line(header);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Line(row);
        }
    }
}
