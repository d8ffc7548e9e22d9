using System.Text.Json.Nodes;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Benchmarks;

/// <summary>
/// The static gate on a spec's <c>benchmarks</c>: BenchmarkDotNet results judged by budgets with the verdicts and codes
/// of model budgets, and every way the results can be missing or wrong reported at the entry's keys.
/// </summary>
public sealed class BenchmarkGateTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("benchmark-gate-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "results"));
        File.Copy(BenchmarkResultsFileTests.Fixture, Path.Combine(folder, "results", "Text-report-full.json"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Cases_within_their_budgets_pass_and_each_verdict_names_the_case()
    {
        var result = Check("""
            benchmarks:
              text:
                results: results
                budgets:
                  mean: { max: 5 us }
                  allocated: { max: 2 KiB }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
            Assert.That(result.Benchmarks.Select(b => b.Case), Is.EqualTo(new[] { "Text.Join(Size: 16)", "Text.Sum(Size: 16)", "Text.Join(Size: 256)", "Text.Sum(Size: 256)" }));
            Assert.That(result.Benchmarks.SelectMany(b => b.Verdicts).Select(v => v.Status), Is.EqualTo(Enumerable.Repeat(VerdictStatus.Pass, 8)));
            Assert.That(result.Benchmarks[0].Verdicts[0].Message, Is.EqualTo("benchmark 'text' case 'Text.Join(Size: 16)': mean 168.19 ns is within max 5 us"));
        });
    }

    [Test]
    public void A_case_made_30_percent_slower_fails_with_the_case_named_and_the_change_quantified()
    {
        const string Spec = """
            benchmarks:
              text:
                results: results
                cases: "Text.Join*"
                budgets:
                  mean: { max: 200 ns }
            """;
        var unchanged = Check(Spec);
        Slow("Text.Join(Size: 16)", 1.3);

        var slower = Check(Spec);

        var error = slower.Diagnostics.Single(d => d.Message.Contains("Size: 16", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(unchanged.Diagnostics.Where(d => d.Code == ErrorCodes.BudgetExceeded).Select(d => d.Message),
                Is.EqualTo(new[] { "benchmark 'text' case 'Text.Join(Size: 256)': mean 2.26 us exceeds max 200 ns" }), "the large case is over budget either way");
            Assert.That(slower.Diagnostics.Count(d => d.Code == ErrorCodes.BudgetExceeded), Is.EqualTo(2));
            Assert.That(slower.Diagnostics.Where(d => d.Code == ErrorCodes.BudgetExceeded).Select(d => d.Message),
                Does.Contain("benchmark 'text' case 'Text.Join(Size: 16)': mean 218.64 ns exceeds max 200 ns"));
            Assert.That(error.Location!.Line, Is.EqualTo(6), "at the budget's max");
        });
    }

    [Test]
    public void A_case_pattern_selects_cases_by_name_ignoring_case() =>
        Assert.That(Check("""
            benchmarks:
              sums:
                results: results/*-report-full.json
                cases: "text.sum(size: 2*"
                budgets: { allocated: { max: 0 B } }
            """).Benchmarks.Select(b => b.Case), Is.EqualTo(new[] { "Text.Sum(Size: 256)" }));

    [Test]
    public void A_pattern_matching_no_case_lists_the_cases_there_are()
    {
        var result = Check("""
            benchmarks:
              text:
                results: results
                cases: "Parse*"
                budgets: { mean: { max: 1 ms } }
            """);

        var error = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BenchmarkCasesNotFound));
            Assert.That(error.Message, Does.Contain("no case matches 'Parse*'").And.Contain("Text.Sum(Size: 256)"));
            Assert.That(error.Location!.Line, Is.EqualTo(4));
        });
    }

    [Test]
    public void Missing_results_are_an_error_at_the_results_key()
    {
        var result = Check("""
            benchmarks:
              text:
                results: artifacts/results
                budgets: { mean: { max: 1 ms } }
            """);

        var error = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BenchmarkResultsNotFound));
            Assert.That(error.Message, Does.Contain("--exporters fulljson"));
            Assert.That((error.Location!.Line, error.Location.Column), Is.EqualTo((3, 14)));
        });
    }

    [Test]
    public void Results_that_are_not_full_json_are_an_error_naming_the_file_at_the_results_key()
    {
        File.WriteAllText(Path.Combine(folder, "results", "Other-report-full.json"), "Method,Mean\nJoin,1 ns\n");

        var result = Check("""
            benchmarks:
              text:
                results: results
            """);

        var error = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BenchmarkResultsUnreadable));
            Assert.That(error.Message, Does.Contain("Other-report-full.json(1,1)"));
            Assert.That(error.Location!.Line, Is.EqualTo(3));
        });
    }

    [Test]
    public void A_results_file_that_is_a_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "results", "Fifo-report-full.json"));
        try
        {
            var result = SpecialFiles.WithinSeconds(10, () => Check("benchmarks:\n  text:\n    results: results/Fifo-report-full.json\n"));

            Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(ErrorCodes.InputNotRegularFile));
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void One_case_in_two_files_is_an_error_instead_of_a_silent_choice()
    {
        File.Copy(Path.Combine(folder, "results", "Text-report-full.json"), Path.Combine(folder, "results", "Again-report-full.json"));

        var error = Check("benchmarks:\n  text:\n    results: results\n").Diagnostics.Single();

        Assert.That((error.Code, error.Message.Contains("is in both", StringComparison.Ordinal)), Is.EqualTo((ErrorCodes.BenchmarkCasesNotFound, true)));
    }

    [Test]
    public void A_budget_on_an_indicator_the_results_lack_is_skipped_with_a_warning_saying_what_to_add()
    {
        var json = JsonNode.Parse(File.ReadAllText(ResultsFile))!;
        foreach (var benchmark in json["Benchmarks"]!.AsArray())
        {
            benchmark!["Memory"]!["TotalOperations"] = 0;
        }

        File.WriteAllText(ResultsFile, json.ToJsonString());

        var result = Check("benchmarks:\n  text:\n    results: results\n    cases: \"Text.Sum(Size: 16)\"\n    budgets:\n      allocated: { max: 0 B }\n");

        var warning = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True);
            Assert.That(warning.Code, Is.EqualTo(ErrorCodes.BenchmarkIndicatorUnavailable));
            Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(warning.Message, Does.Contain("[MemoryDiagnoser]"));
            Assert.That(result.Benchmarks.Single().Verdicts.Single().Status, Is.EqualTo(VerdictStatus.Skipped));
        });
    }

    [Test]
    public void Under_warn_a_breach_warns_and_off_judges_nothing()
    {
        const string Spec = "benchmarks:\n  text:\n    results: results\n    budgets:\n      mean: { max: 1 ns }\n";

        var warned = Check(Spec, GateMode.Warn);
        var off = Check(Spec, GateMode.Off);

        Assert.Multiple(() =>
        {
            Assert.That(warned.Passed, Is.True);
            Assert.That(warned.Diagnostics.Select(d => (d.Code, d.Severity)).Distinct(), Is.EqualTo(new[] { (ErrorCodes.BudgetExceeded, DiagnosticSeverity.Warning) }));
            Assert.That(off.Benchmarks, Is.Empty);
        });
    }

    [Test]
    public void The_results_document_carries_each_case_with_its_host_indicators_samples_and_verdicts()
    {
        var result = Check("benchmarks:\n  text:\n    results: results\n    budgets:\n      allocated: { max: 1 KiB }\n");

        var document = ResultsJson.Parse(ResultsJson.Write(ResultsBuilder.FromStatic(result, DateTimeOffset.UnixEpoch)), "run.json");

        var join = document.Specs.Single().Benchmarks[2];
        Assert.Multiple(() =>
        {
            Assert.That(join.Case, Is.EqualTo("Text.Join(Size: 256)"));
            Assert.That(join.Entry, Is.EqualTo("text"));
            Assert.That(join.Host["cpu"], Is.EqualTo("AMD EPYC"));
            Assert.That(join.Indicator("allocated")!.Value, Is.EqualTo(1888));
            Assert.That(join.Indicator("mean")!.Unit, Is.EqualTo("ms"));
            Assert.That(join.Samples, Has.Count.EqualTo(8));
            Assert.That(join.Verdicts.Single().Status, Is.EqualTo("fail"));
            Assert.That(document.Specs.Single().Models, Is.Empty);
        });
    }

    [Test]
    public void The_markdown_report_shows_the_cases_side_by_side_and_what_failed_first()
    {
        var result = Check("benchmarks:\n  text:\n    results: results\n    budgets:\n      allocated: { max: 1 KiB }\n");

        var text = ResultsMarkdown.Render(ResultsBuilder.FromStatic(result, DateTimeOffset.UnixEpoch));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("| indicator | unit | Text.Join(Size: 16) | Text.Sum(Size: 16) | Text.Join(Size: 256) | Text.Sum(Size: 256) |"));
            Assert.That(text, Does.Contain("| allocated |"));
            Assert.That(text, Does.Contain("| ops\\_per\\_s | per second | 5.95 M/s |"), "every indicator the results carry, budgeted or not");
            Assert.That(text, Does.Not.Contain("Quality and static indicators").And.Not.Contain("### Disagreement"), "no model to tabulate or rank");
            Assert.That(text, Does.Contain("| fail | text: Text.Join(Size: 256) | budget | allocated | static |"));
            Assert.That(text, Does.Contain("0 model(s), 4 benchmark case(s), 0 machine(s); 4 verdicts: 1 fail, 3 pass."));
        });
    }

    [Test]
    public void The_gate_summary_lists_each_case_and_counts_the_budgets()
    {
        var text = GateResultText.Table(Check("benchmarks:\n  text:\n    results: results\n    cases: \"*Sum*\"\n    budgets:\n      allocated: { max: 0 B }\n"));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("benchmark 'text' case 'Text.Sum(Size: 16)'"));
            Assert.That(text, Does.Contain("2 benchmark case(s), 2 budget(s): 2 passed, 0 failed, 0 warned, 0 skipped; 0 error(s)."));
            Assert.That(text, Does.Not.Contain("model(s)"), "a spec of benchmarks alone has no model line");
        });
    }

    private string ResultsFile => Path.Combine(folder, "results", "Text-report-full.json");

    /// <summary>The case's statistics and raw measurements made <paramref name="factor"/> times slower, as a slower build would record them.</summary>
    private void Slow(string name, double factor) => ResultsEdits.Slow(ResultsFile, name, factor);

    private GateResult Check(string spec, GateMode mode = GateMode.Error)
    {
        var path = Path.Combine(folder, "bench.yaml");
        File.WriteAllText(path, spec);
        return StaticGate.Check(new[] { path }, new GateOptions { Mode = mode });
    }
}
