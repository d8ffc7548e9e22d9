using System.Globalization;
using System.Text;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Exporters;

/// <summary>
/// A results document as GitHub-flavoured Markdown, compact enough for a pull-request comment or a job
/// summary: per spec every indicator of every model side by side, the verdicts that need attention,
/// baseline deltas and where indicators disagree; then the machines measured on.
/// </summary>
public static class ResultsMarkdown
{
    public const string Title = "# Efficiency report";

    public static string Render(EfficiencyResults results) => Render(ResultsReport.Build(results));

    public static string Render(ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(Title).AppendLine();
        text.AppendLine(Summary(report)).AppendLine();
        foreach (var spec in report.Specs)
        {
            Spec(text, spec);
        }

        if (report.Trends.Count > 0)
        {
            text.AppendLine("## Trends").AppendLine();
            text.AppendLine("Every gated indicator over the runs reported, oldest first; a failed budget or a regression, and a new baseline, are marked.").AppendLine();
            foreach (var table in report.TrendTables())
            {
                Table(text, table);
            }
        }

        text.AppendLine("## Machines").AppendLine();
        Table(text, report.Machines);
        return text.ToString();
    }

    /// <summary>One line: specs, models and verdicts by status.</summary>
    public static string Summary(ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var verdicts = report.Results.Specs.SelectMany(VerdictOrder.SortAll).Select(p => p.Verdict).ToList();
        var counts = verdicts.GroupBy(v => v.Status).OrderBy(g => VerdictOrder.Rank(g.Key))
            .Select(g => $"{g.Count().ToString(CultureInfo.InvariantCulture)} {g.Key}");
        var models = report.Results.Specs.Sum(s => s.Models.Count);
        var status = verdicts.Count == 0 ? "no verdicts" : $"{verdicts.Count.ToString(CultureInfo.InvariantCulture)} verdicts: {string.Join(", ", counts)}";
        var cases = report.Results.Specs.Sum(s => s.Benchmarks.Count);
        var benchmarks = cases == 0 ? "" : $", {cases.ToString(CultureInfo.InvariantCulture)} benchmark case(s)";
        return $"{report.Specs.Count.ToString(CultureInfo.InvariantCulture)} spec(s), {models.ToString(CultureInfo.InvariantCulture)} model(s){benchmarks}, {report.Results.Machines.Count.ToString(CultureInfo.InvariantCulture)} machine(s); {status}.";
    }

    private static void Spec(StringBuilder text, SpecReport spec)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"## {Inline(spec.Spec.Name)} ({Code(spec.Spec.Path)})").AppendLine();
        // A spec of BenchmarkDotNet results alone has no model to tabulate or rank.
        var models = spec.Spec.Models.Count > 0 || spec.Benchmarks is null;
        if (models)
        {
            Table(text, spec.Indicators);
        }

        foreach (var runtime in spec.Runtime)
        {
            Table(text, runtime);
        }

        if (spec.Benchmarks is { } benchmarks)
        {
            Table(text, benchmarks);
        }

        text.AppendLine("### Verdicts").AppendLine();
        var passed = spec.Verdicts.Rows.Count - spec.AttentionCount;
        if (spec.AttentionCount > 0)
        {
            Table(text, spec.Verdicts with { Caption = "", Rows = spec.Verdicts.Rows.Take(spec.AttentionCount).ToList() });
        }

        text.AppendLine(spec.Verdicts.Rows.Count == 0
            ? "No verdicts."
            : $"{passed.ToString(CultureInfo.InvariantCulture)} passed or improved, {spec.AttentionCount.ToString(CultureInfo.InvariantCulture)} need attention.").AppendLine();

        if (spec.BaselineDeltas is { } deltas)
        {
            text.AppendLine("### Against the baseline").AppendLine();
            Table(text, deltas with { Caption = "" });
        }

        if (spec.Comparisons.Count > 0)
        {
            text.AppendLine("### Against the base revision").AppendLine();
            if (spec.Spec.Revisions is { } revisions)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Base {Code(revisions.Against)} ({revisions.Source}{(revisions.BaseCommit is { } b ? ", commit " + Code(b) : "")}), head: the working tree{(revisions.HeadCommit is { } h ? " on " + Code(h) : "")}. Measured interleaved in one run; head/base of timed indicators from paired rounds.").AppendLine();
            }

            foreach (var table in spec.Comparisons)
            {
                if (table.Rows.Count == 0)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"**{Inline(table.Caption)}**").AppendLine();
                    continue;
                }

                Table(text, table);
            }
        }

        if (!models)
        {
            return;
        }

        text.AppendLine("### Disagreement").AppendLine();
        if (spec.Disagreement.Flips.Count == 0)
        {
            text.AppendLine("The indicators rank the models alike.").AppendLine();
        }
        else
        {
            foreach (var flip in spec.Disagreement.Flips)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {Inline(flip.Sentence)}");
            }

            text.AppendLine();
        }

        if (spec.Rankings is { } rankings)
        {
            Table(text, rankings);
        }

        if (spec.Correlations is { } correlations)
        {
            Table(text, correlations);
        }
    }

    private static void Table(StringBuilder text, ReportTable table)
    {
        if (table.Caption.Length > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"**{Inline(table.Caption)}**").AppendLine();
        }

        if (table.Rows.Count == 0)
        {
            text.AppendLine("None.").AppendLine();
            return;
        }

        text.AppendLine("| " + string.Join(" | ", table.Header.Select(Cell)) + " |");
        text.AppendLine("|" + string.Concat(table.Header.Select((_, c) => Numeric(table, c) ? "--:|" : "---|")));
        foreach (var row in table.Rows)
        {
            text.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        }

        text.AppendLine();
    }

    /// <summary>Whether a column holds numbers only (right-aligned, as figures are read).</summary>
    private static bool Numeric(ReportTable table, int column) =>
        table.Rows.All(r => r[column].Length == 0 || char.IsAsciiDigit(r[column][0]) || r[column][0] is '-' or '+' || r[column].StartsWith(ResultsReport.Unavailable, StringComparison.Ordinal));

    /// <summary>A table cell: pipes escaped, line breaks flattened, characters Markdown would interpret escaped.</summary>
    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>
    /// Text from the document as literal Markdown: characters that start emphasis, links, code or HTML are
    /// backslash-escaped, line breaks become spaces.
    /// </summary>
    private static string Inline(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
                continue;
            }

            // A surrogate without its other half is escaped like a control character: no encoder can write it.
            if (UserText.IsUnsafeAt(text, i))
            {
                escaped.Append(UserText.Escape(c.ToString()));
                continue;
            }

            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '~' or '&')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Code(string text) => text.Contains('`', StringComparison.Ordinal) ? Inline(text) : $"`{UserText.Escape(text)}`";
}
