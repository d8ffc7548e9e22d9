using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Exporters;

/// <summary>A run against a base revision in the Markdown report (the job summary): one table per model, both revisions named.</summary>
public sealed class ComparisonReportTests
{
    private const string Against = "base origin/main (3f2a1b4c)";

    public static EfficiencyResults Document() => new(
        new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        new[] { new MachineResults("3f2a9c1b7d0e", "fingerprint 3f2a9c1b7d0e: provider cpu", new Dictionary<string, string> { ["provider"] = "cpu" }) },
        new[]
        {
            new SpecResults("pr", "specs/pr.yaml", "off", new[]
            {
                Model("changed", "changed",
                    new VerdictResult("regression", "params", "pass", "model 'changed': params 3.5 M vs base ...", "specs/pr.yaml(9,12)", Measured: 3.5e6, Reference: 3.5e6, Ratio: 1) { Against = Against },
                    new VerdictResult("regression", "latency.p50", "regressed", "model 'changed' [cpu] batch 1: latency.p50 ...", "specs/pr.yaml(9,12)", "cpu", 1, 5.5, 5.0, 1.1, 1.08, 1.12)
                    {
                        Against = Against, Confidence = 0.99923, RatioLower95 = 1.09, RatioUpper95 = 1.11,
                    }),
                Model("same", "unchanged",
                    new VerdictResult("regression", "model", "unchanged", "model 'same' is byte-identical at base origin/main (3f2a1b4c): unchanged, nothing to compare or measure", "specs/pr.yaml(9,12)") { Against = Against }),
                Model("added", "new",
                    new VerdictResult("regression", "model", "new", "model 'added' is new: absent at base origin/main (3f2a1b4c), nothing to compare it with", "specs/pr.yaml(9,12)") { Against = Against }),
            })
            {
                Revisions = new RevisionResults("origin/main", "git", "3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c", "0123456789abcdef0123456789abcdef01234567"),
            },
        });

    [Test]
    public void Each_model_gets_a_table_of_base_head_ratio_and_95_percent_interval()
    {
        var text = ResultsMarkdown.Render(Document());
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("### Against the base revision"));
            Assert.That(text, Does.Contain("Base `origin/main` (git, commit `3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c`), head: the working tree on `0123456789abcdef0123456789abcdef01234567`."));
            Assert.That(text, Does.Contain("**changed against base origin/main (3f2a1b4c)**"));
            Assert.That(text, Does.Contain("| indicator | setup | base | head | head/base | 95% interval | verdict |"));
            Assert.That(text, Does.Contain("| latency.p50 | cpu, batch 1 | 5 ms | 5.5 ms | +10.0% | +9.0% to +11.0% | regressed |"));
            Assert.That(text, Does.Contain("| params | static | 3.5 M | 3.5 M | +0.0% | exact | pass |"));
            Assert.That(text, Does.Contain("**same: unchanged (byte-identical at base origin/main (3f2a1b4c)), not measured**"));
            Assert.That(text, Does.Contain("**added: new (absent at base origin/main (3f2a1b4c))**"));
            Assert.That(text, Does.Not.Contain("### Against the baseline"), "comparisons with a revision are not baseline deltas");
        });
    }

    private static ModelResults Model(string name, string status, params VerdictResult[] verdicts) => new(
        name, $"specs/models/{name}.onnx", new Dictionary<string, double>(),
        new[] { new IndicatorResult("params", "parameters", 3.5e6) },
        new[] { new RuntimeResults("3f2a9c1b7d0e", "cpu", 1, "cpu", new Dictionary<string, string>(), new[] { new IndicatorResult("latency.p50", "ms", 5.5) }, Array.Empty<double>(), Array.Empty<string>()) },
        verdicts)
    {
        Base = new BaseResults(status, $"specs/models/{name}.onnx", Array.Empty<IndicatorResult>(), Array.Empty<RuntimeResults>()),
    };
}
