using System.CommandLine;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Reporting;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Cli;

/// <summary>
/// <c>misnomer report RESULTS... [--markdown FILE] [--html FILE] [--bmf FILE]</c>: reports made from results
/// documents (or folders of them), without measuring again. Several documents are united first; documents of several
/// runs also give each gated indicator's trend over them. With no output option the Markdown
/// goes to standard output; when <c>GITHUB_STEP_SUMMARY</c> names a file, the Markdown is appended to it too.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The variable GitHub Actions sets to the file a job step's summary is appended to.</summary>
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("results") { Description = "Results documents (JSON, from `misnomer run --results` or `check --results`), or folders of them.", Arity = ArgumentArity.OneOrMore };
        var markdown = new Option<string?>("--markdown") { Description = "Write the Markdown report (for a pull-request comment) to this file." };
        var html = new Option<string?>("--html") { Description = "Write the HTML report (one self-contained page with plots) to this file." };
        var bmf = new Option<string?>("--bmf") { Description = "Write every indicator in Bencher Metric Format (JSON) to this file." };

        var command = new Command("report", "Report every indicator of every model side by side, verdicts, baseline deltas and disagreements, from results documents.")
        {
            inputs, markdown, html, bmf,
        };
        command.SetAction(result =>
        {
            var paths = Expand(result.GetValue(inputs)!);
            var documents = paths.Select(ResultsJson.Read).ToList();
            var report = ResultsReport.Build(ResultsMerger.Merge(documents, paths)) with { Trends = TrendReport.Build(documents) };
            var text = ResultsMarkdown.Render(report);
            var outputs = new (string? Path, Func<string> Render)[]
            {
                (result.GetValue(markdown), () => text),
                (result.GetValue(html), () => HtmlReport.Render(report)),
                (result.GetValue(bmf), () => ResultsBmf.Write(report.Results)),
            };
            foreach (var (path, render) in outputs.Where(o => o.Path is not null))
            {
                OutputFile.WriteAllText(path!, FileRole.Report, render());
                stderr.WriteLine($"wrote {UserText.Quote(path, 1000)}");
            }

            if (outputs.All(o => o.Path is null))
            {
                stdout.Write(text);
            }

            if (Environment.GetEnvironmentVariable(StepSummaryVariable) is { Length: > 0 } summary)
            {
                OutputFile.AppendAllText(summary, FileRole.Report, text + Environment.NewLine);
            }

            return MisnomerCli.Success;
        });
        return command;
    }

    /// <summary>
    /// The documents named: a folder stands for the results documents (<c>*.json</c>) directly in it, in name order; a
    /// folder without any is <see cref="ErrorCodes.ResultsUnreadable"/>.
    /// </summary>
    private static string[] Expand(string[] paths) => paths
        .SelectMany(path =>
        {
            if (!Directory.Exists(path))
            {
                return new[] { path };
            }

            var documents = Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray();
            return documents.Length > 0 ? documents
                : throw new EfficiencyException(ErrorCodes.ResultsUnreadable, $"{UserText.Quote(path)}: the folder holds no results documents (*.json)");
        })
        .ToArray();
}
