using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Tests.Benchmarks;

/// <summary>
/// Budgets of a benchmark entry per hardware profile: where the host that ran the results matches a profile's
/// <c>match</c>, its budgets hold (replacing the entry's of the same indicator); where it does not, they are skipped
/// with the profile's reason, as a model's runtime profile is. The fixture ran on an "AMD EPYC" with 2 cores, X64 Linux.
/// </summary>
public sealed class BenchmarkProfileBudgetTests
{
    private const string Hardware = """
        hardware:
          epyc:
            match: { cpu: "*EPYC*", arch: x64 }
          xeon:
            match: { cpu: "*Xeon*" }

        """;

    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("benchmark-profiles-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "results"));
        File.Copy(BenchmarkResultsFileTests.Fixture, ResultsFile);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void The_budget_of_the_profile_the_host_matches_replaces_the_entrys_and_names_the_profile()
    {
        var result = Check(Hardware + """
            benchmarks:
              text:
                results: results
                cases: "Text.Join*"
                budgets:
                  mean: { max: 5 us }
                  allocated: { max: 2 KiB }
                hardware:
                  epyc:
                    mean: { max: 200 ns }
            """);

        var large = result.Benchmarks.Single(b => b.Case == "Text.Join(Size: 256)");
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => (d.Code, d.Message)), Is.EqualTo(new[]
            {
                (ErrorCodes.BudgetExceeded, "benchmark 'text' case 'Text.Join(Size: 256)' on hardware profile 'epyc': mean 2.26 us exceeds max 200 ns"),
            }));
            Assert.That(large.Verdicts.Select(v => (v.Indicator, v.Location.Line, v.Profile, v.Status)), Is.EqualTo(new (string, int, string?, VerdictStatus)[]
            {
                ("allocated", 12, null, VerdictStatus.Pass),
                ("mean", 15, "epyc", VerdictStatus.Fail),
            }), "the entry's 5 us mean does not hold where the profile budgets mean");
            Assert.That(large.Budgets.Select(b => b.Indicator.Name), Is.EquivalentTo(new[] { "allocated", "mean" }));
        });
    }

    [Test]
    public void The_budgets_of_a_profile_the_host_does_not_match_are_skipped_once_with_the_reason_and_the_entrys_hold()
    {
        var result = Check(Hardware + """
            benchmarks:
              text:
                results: results
                budgets:
                  mean: { max: 5 us }
                hardware:
                  xeon:
                    mean: { max: 1 ns }
            """);

        var skipped = result.Diagnostics.Single();
        var verdicts = result.Benchmarks[0].Verdicts;
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, "a budget of another machine is not judged here");
            Assert.That((skipped.Code, skipped.Severity), Is.EqualTo((ErrorCodes.HardwareProfileSkipped, DiagnosticSeverity.Info)), "once for the file's four cases");
            Assert.That(skipped.Message, Does.StartWith("hardware profile 'xeon' skipped: cpu \"*Xeon*\" does not match \"AMD EPYC\"; the benchmarks' host "));
            Assert.That(skipped.Message, Does.Contain("(2 physical, 2 logical cores), arch X64, os \"Linux Debian GNU/Linux 12 (bookworm)\""));
            Assert.That(skipped.Location!.Line, Is.EqualTo(5), "at the pattern that failed");
            Assert.That(verdicts.Select(v => (v.Indicator, v.Profile, v.Status)), Is.EqualTo(new (string, string?, VerdictStatus)[]
            {
                ("mean", null, VerdictStatus.Pass),
                ("mean", "xeon", VerdictStatus.Skipped),
            }));
            Assert.That(verdicts[1].Message, Is.EqualTo(skipped.Message));
            Assert.That(EfficiencyMisnomer.Exporters.GateResultText.Table(result), Does.Contain("  mean [xeon]").And.Contain("skipped"), "the table names the profile of a budget");
            Assert.That(result.Benchmarks[0].Budgets.Select(b => b.Location.Line), Is.EqualTo(new[] { 10 }), "only the entry's budget is compared with a baseline");
        });
    }

    [Test]
    public void Results_from_another_machine_are_judged_by_that_machines_profile()
    {
        ResultsEdits.OtherProcessor(ResultsFile, "Intel Xeon Platinum 8370C CPU 2.80GHz");

        var result = Check(Hardware + """
            benchmarks:
              text:
                results: results
                cases: "Text.Sum(Size: 16)"
                hardware:
                  epyc:
                    mean: { max: 1 ns }
                  xeon:
                    mean: { max: 1 us }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
            Assert.That(result.Benchmarks.Single().Verdicts.Select(v => (v.Profile, v.Status)), Is.EqualTo(new (string?, VerdictStatus)[]
            {
                ("xeon", VerdictStatus.Pass),
                ("epyc", VerdictStatus.Skipped),
            }));
        });
    }

    [TestCase("provider: cpu", true)]
    [TestCase("provider: cuda", false)]
    [TestCase("os: linux", true)]
    [TestCase("os: \"*bookworm*\"", true)]
    [TestCase("os: windows", false)]
    [TestCase("arch: X64", true)]
    [TestCase("arch: arm64", false)]
    [TestCase("cpu: \"amd epyc\"", true)]
    [TestCase("gpu: \"*\"", false)]
    [TestCase("host: \"*\"", false)]
    public void Each_match_key_is_read_from_the_host_benchmarkdotnet_describes(string match, bool matches)
    {
        var result = Check($$"""
            hardware:
              ci:
                match: { {{match}} }
            benchmarks:
              text:
                results: results
                cases: "Text.Sum(Size: 16)"
                hardware:
                  ci:
                    allocated: { max: 0 B }
            """);

        Assert.That(result.Benchmarks.Single().Verdicts.Single().Status, Is.EqualTo(matches ? VerdictStatus.Pass : VerdictStatus.Skipped),
            string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Test]
    public void The_host_name_and_gpu_benchmarkdotnet_does_not_record_are_said_to_be_unknown()
    {
        var result = Check("hardware:\n  ci:\n    match: { gpu: \"*H100*\", host: \"ci-*\" }\nbenchmarks:\n  text:\n    results: results\n    hardware:\n      ci:\n        mean: { max: 1 s }\n");

        Assert.That(result.Diagnostics.Single().Message, Does.Contain(
            "gpu \"*H100*\" does not match \"none (BenchmarkDotNet records no GPU)\", host \"ci-*\" does not match \"unknown (not recorded)\""));
    }

    [Test]
    public void The_results_document_gives_each_verdict_its_profile()
    {
        var result = Check(Hardware + "benchmarks:\n  text:\n    results: results\n    cases: \"Text.Sum(Size: 16)\"\n    hardware:\n      epyc:\n        mean: { max: 1 s }\n      xeon:\n        mean: { max: 1 s }\n");

        var document = ResultsJson.Parse(ResultsJson.Write(ResultsBuilder.FromStatic(result, DateTimeOffset.UnixEpoch)), "run.json");

        Assert.That(document.Specs.Single().Benchmarks.Single().Verdicts.Select(v => (v.Profile, v.Status)),
            Is.EqualTo(new (string?, string)[] { ("epyc", "pass"), ("xeon", "skipped") }));
    }

    [Test]
    public void A_profile_the_spec_does_not_declare_is_an_error_at_its_key_with_the_closest_name()
    {
        var load = SpecLoader.Parse(Hardware + "benchmarks:\n  text:\n    results: results\n    hardware:\n      epic:\n        mean: { max: 1 us }\n", SpecPath);

        var error = load.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(load.Spec, Is.Null);
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.UnknownProfile));
            Assert.That(error.Message, Is.EqualTo("benchmark 'text' budgets hardware profile 'epic', which the spec's 'hardware' does not declare; did you mean 'epyc'?"));
            Assert.That((error.Location!.Line, error.Location.Column), Is.EqualTo((10, 7)));
        });
    }

    [TestCase("benchmarks:\n  text:\n    results: results\n    hardware:\n      ci:\n        mean: { max: 1 us }\n",
        ErrorCodes.UnknownProfile, "declares no profile: declare it there with its 'match' rules")]
    [TestCase("hardware:\n  ci: {}\nbenchmarks:\n  text:\n    results: results\n    hardware:\n      ci:\n        macs: { max: 1G }\n",
        ErrorCodes.IndicatorInWrongSection, "a model indicator")]
    [TestCase("hardware:\n  ci: {}\nbenchmarks:\n  text:\n    results: results\n    hardware:\n      ci:\n        mean: { max: 1 GB }\n",
        ErrorCodes.BudgetWrongUnit, "a limit in the wrong unit")]
    [TestCase("hardware:\n  ci: {}\nbenchmarks:\n  text:\n    results: results\n    hardware: [ci]\n",
        ErrorCodes.SpecWrongType, "a list instead of a map")]
    public void A_broken_hardware_block_of_an_entry_is_a_spec_error(string spec, string code, string why)
    {
        var load = SpecLoader.Parse(spec, SpecPath);

        Assert.That(load.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { code }), why + ": " + string.Join(Environment.NewLine, load.Diagnostics));
    }

    private string ResultsFile => Path.Combine(folder, "results", "Text-report-full.json");

    private string SpecPath => Path.Combine(folder, "bench.yaml");

    private GateResult Check(string spec)
    {
        File.WriteAllText(SpecPath, spec);
        return StaticGate.Check(new[] { SpecPath }, new GateOptions());
    }
}
