using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Reporting;

/// <summary>
/// A results document as one self-contained HTML page: no external reference, the style inline and the
/// plots inline as SVG. Per spec, the same tables as the Markdown report (every indicator of every model side
/// by side, all verdicts, baseline deltas, disagreements), then quality against every cost indicator with the
/// Pareto frontier, and cost indicators against each other. Every text from the document is HTML-escaped.
/// </summary>
public static partial class HtmlReport
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2em; color: #1f2328; background: #ffffff; }
        h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 2em; }
        table { border-collapse: collapse; margin: 1em 0; font-size: .9em; }
        caption { text-align: left; font-weight: 600; padding: .3em 0; }
        th, td { border: 1px solid #d0d7de; padding: .3em .6em; vertical-align: top; }
        th { background: #f6f8fa; } td.num { text-align: right; white-space: nowrap; }
        tr.fail td:first-child, tr.regressed td:first-child { background: #ffebe9; color: #cf222e; font-weight: 600; }
        tr.unstable td:first-child, tr.warning td:first-child { background: #fff8c5; color: #9a6700; font-weight: 600; }
        tr.pass td:first-child, tr.improved td:first-child { color: #1a7f37; }
        .plots { display: flex; flex-wrap: wrap; gap: 1em; }
        figure { margin: 0; border: 1px solid #d0d7de; } figcaption { font-size: .8em; padding: .3em; }
        code { background: #f6f8fa; padding: .1em .3em; }
        .scroll { overflow-x: auto; max-width: 100%; }
        table.heatmap th.column { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
        table.heatmap td.cell { text-align: center; min-width: 2.6em; padding: .2em; }
        """;

    public static string Render(EfficiencyResults results) => Render(ResultsReport.Build(results));

    public static string Render(ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine("<title>Efficiency report</title>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<style>{Style}</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.AppendLine("<h1>Efficiency report</h1>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<p>{E(ResultsMarkdown.Summary(report))}</p>");
        var plotNumber = 0;
        foreach (var spec in report.Specs)
        {
            Spec(html, spec, ref plotNumber);
        }

        if (report.Trends.Count > 0)
        {
            html.AppendLine("<section class=\"trends\">");
            html.AppendLine("<h2>Trends</h2>");
            html.AppendLine("<p>Every gated indicator over the runs reported, oldest first; runs where the gate failed are red, new baselines green.</p>");
            foreach (var table in report.TrendTables())
            {
                Table(html, table, "trend");
            }

            html.AppendLine("<div class=\"plots\">");
            foreach (var plot in TrendPlots.Of(report.Trends))
            {
                plotNumber++;
                html.AppendLine("<figure class=\"plot trend\">");
                html.AppendLine(UniqueIds(plot.Svg, $"plot{plotNumber.ToString(CultureInfo.InvariantCulture)}-"));
                html.AppendLine(CultureInfo.InvariantCulture, $"<figcaption>{E(plot.Title)}</figcaption>");
                html.AppendLine("</figure>");
            }

            html.AppendLine("</div>");
            html.AppendLine("</section>");
        }

        html.AppendLine("<h2>Machines</h2>");
        Table(html, report.Machines, "machines");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static void Spec(StringBuilder html, SpecReport spec, ref int plotNumber)
    {
        html.AppendLine(CultureInfo.InvariantCulture, $"<section class=\"spec\">");
        html.AppendLine(CultureInfo.InvariantCulture, $"<h2>{E(spec.Spec.Name)} <code>{E(spec.Spec.Path)}</code></h2>");
        Table(html, spec.Indicators, "indicators");
        foreach (var runtime in spec.Runtime)
        {
            Table(html, runtime, "indicators runtime");
        }

        if (spec.Benchmarks is { } benchmarks)
        {
            Table(html, benchmarks, "indicators benchmarks");
        }

        html.AppendLine("<h3>Verdicts</h3>");
        if (spec.Verdicts.Rows.Count == 0)
        {
            html.AppendLine("<p>No verdicts.</p>");
        }
        else
        {
            Table(html, spec.Verdicts with { Caption = "" }, "verdicts", row => row[0]);
        }

        if (spec.BaselineDeltas is { } deltas)
        {
            html.AppendLine("<h3>Against the baseline</h3>");
            Table(html, deltas with { Caption = "" }, "deltas", row => row[^1]);
        }

        if (spec.Comparisons.Count > 0)
        {
            html.AppendLine("<h3>Against the base revision</h3>");
            if (spec.Spec.Revisions is { } revisions)
            {
                html.AppendLine(CultureInfo.InvariantCulture,
                    $"<p>Base <code>{E(revisions.Against)}</code> ({E(revisions.Source)}{(revisions.BaseCommit is { } b ? ", commit <code>" + E(b) + "</code>" : "")}), head: the working tree{(revisions.HeadCommit is { } h ? " on <code>" + E(h) + "</code>" : "")}; measured interleaved in one run.</p>");
            }

            foreach (var table in spec.Comparisons)
            {
                if (table.Rows.Count == 0)
                {
                    html.AppendLine(CultureInfo.InvariantCulture, $"<p><strong>{E(table.Caption)}</strong></p>");
                    continue;
                }

                Table(html, table, "comparison", row => row[^1]);
            }
        }

        html.AppendLine("<h3>Disagreement</h3>");
        if (spec.Disagreement.Flips.Count == 0)
        {
            html.AppendLine("<p>The indicators rank the models alike.</p>");
        }
        else
        {
            html.AppendLine("<ul class=\"flips\">");
            foreach (var flip in spec.Disagreement.Flips)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<li>{E(flip.Sentence)}</li>");
            }

            html.AppendLine("</ul>");
        }

        if (spec.Rankings is { } rankings)
        {
            Table(html, rankings, "rankings");
        }

        if (spec.Correlations is { } correlations)
        {
            Heatmap(html, correlations);
        }

        var plots = ReportPlots.Of(spec.Spec);
        if (plots.Count > 0)
        {
            html.AppendLine("<h3>Plots</h3>");
            html.AppendLine("<div class=\"plots\">");
            foreach (var plot in plots)
            {
                plotNumber++;
                html.AppendLine(CultureInfo.InvariantCulture, $"<figure class=\"plot {plot.Kind}\">");
                html.AppendLine(UniqueIds(plot.Svg, $"plot{plotNumber.ToString(CultureInfo.InvariantCulture)}-"));
                html.AppendLine(CultureInfo.InvariantCulture, $"<figcaption>{E(plot.Title)}</figcaption>");
                html.AppendLine("</figure>");
            }

            html.AppendLine("</div>");
        }

        html.AppendLine("</section>");
    }

    /// <summary>
    /// The rank agreement between indicators as a heat map that scales to many indicators: column titles written
    /// upright, each cell coloured from red (tau -1, reversed orders) through yellow (0) to green (1, the same order),
    /// its row and column in its tooltip, the whole table scrolling sideways inside the page instead of overflowing it.
    /// </summary>
    private static void Heatmap(StringBuilder html, ReportTable table)
    {
        html.AppendLine("<div class=\"scroll\">");
        html.AppendLine("<table class=\"correlations heatmap\">");
        html.AppendLine(CultureInfo.InvariantCulture, $"<caption>{E(table.Caption)}</caption>");
        html.Append("<thead><tr>").Append(CultureInfo.InvariantCulture, $"<th>{E(table.Header[0])}</th>");
        foreach (var title in table.Header.Skip(1))
        {
            html.Append(CultureInfo.InvariantCulture, $"<th class=\"column\">{E(title)}</th>");
        }

        html.AppendLine("</tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in table.Rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(row[0])}</th>");
            for (var c = 1; c < row.Count; c++)
            {
                var tip = E($"{row[0]} vs {table.Header[c]}");
                html.Append(double.TryParse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var tau)
                    ? string.Create(CultureInfo.InvariantCulture, $"<td class=\"cell\" title=\"{tip}\" style=\"background: hsl({60 * (Math.Clamp(tau, -1, 1) + 1):0}, 70%, 82%)\">{E(row[c])}</td>")
                    : $"<td class=\"cell\" title=\"{tip}\">{E(row[c])}</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</div>");
    }

    private static void Table(StringBuilder html, ReportTable table, string kind, Func<IReadOnlyList<string>, string>? rowClass = null)
    {
        html.AppendLine(CultureInfo.InvariantCulture, $"<table class=\"{kind}\">");
        if (table.Caption.Length > 0)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<caption>{E(table.Caption)}</caption>");
        }

        html.Append("<thead><tr>");
        foreach (var title in table.Header)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(title)}</th>");
        }

        html.AppendLine("</tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in table.Rows)
        {
            html.Append(rowClass is null ? "<tr>" : $"<tr class=\"{E(rowClass(row))}\">");
            for (int c = 0; c < row.Count; c++)
            {
                var numeric = c > 0 && row[c].Length > 0 && (char.IsAsciiDigit(row[c][0]) || row[c][0] is '-' or '+');
                html.Append(numeric ? "<td class=\"num\">" : "<td>").Append(E(row[c])).Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Each exported plot numbers its clip paths from 1; prefixed, the ids stay unique on a page of many plots.</summary>
    private static string UniqueIds(string svg, string prefix) =>
        ClipPathReference().Replace(svg, m => m.Groups[1].Value + prefix + m.Groups[2].Value);

    [GeneratedRegex("(id=\"|url\\(#)(clipPath)")]
    private static partial Regex ClipPathReference();
}
