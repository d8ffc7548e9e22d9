using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Fuzz.Tests.Generators;
using EfficiencyMisnomer.Reporting;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>
/// The results reader (<see cref="ResultsJson.Parse"/>) on documents written by the product and then edited, and every
/// consumer of what it reads: merge, the Markdown, HTML and BMF reports, the writer again; and <c>misnomer merge</c>
/// and <c>misnomer report</c> over such files.
/// </summary>
public sealed class ResultsReaderFuzzTests
{
    private static Workspace workspace = null!;

    [OneTimeSetUp]
    public static void CreateWorkspace() => workspace = new Workspace("results");

    [OneTimeTearDown]
    public static void DeleteWorkspace() => workspace.Dispose();

    [Test]
    public void Edited_results_documents_read_or_are_refused_with_a_code()
    {
        FuzzRun.Check("results-reader", ResultsGen.Results, Read, ciIterations: 2000, print: recipe => recipe.ToString());
    }

    [Test]
    public void Merge_and_report_over_edited_results_documents_exit_with_a_code()
    {
        FuzzRun.Check("results-cli", ResultsGen.Results, recipe =>
        {
            var first = workspace.File_("first.json");
            var second = workspace.File_("second.json");
            File.WriteAllText(first, recipe.Text());
            File.WriteAllText(second, ResultsJson.Write(recipe.Other));
            var merge = CliFuzzTests.Run(workspace, new[] { "merge", first, second, "--output", workspace.File_("merged.json") });
            var report = CliFuzzTests.Run(workspace, new[]
            {
                "report", first, second, "--markdown", workspace.File_("r.md"), "--html", workspace.File_("r.html"), "--bmf", workspace.File_("r.bmf.json"),
            });
            var printed = CliFuzzTests.Run(workspace, new[] { "report", first });
            return $"merge {merge}; report {report}; stdout report {printed}";
        }, ciIterations: 300, print: recipe => recipe.ToString());
    }

    internal static string Read(ResultsRecipe recipe) => Invariants.Coded(() =>
    {
        var results = ResultsJson.Parse(recipe.Text(), "fuzz.json");
        // What the reader accepted, every consumer must handle: merged, reported, written and read back.
        var merged = ResultsMerger.Merge(new[] { results, recipe.Other }, new[] { "fuzz.json", "other.json" });
        var report = ResultsReport.Build(merged);
        Invariants.PrintedText(ResultsMarkdown.Render(report), "the Markdown report");
        _ = HtmlReport.Render(report);
        _ = ResultsBmf.Write(merged);
        _ = ResultsJson.Parse(ResultsJson.Write(merged), "written.json");
    });
}
