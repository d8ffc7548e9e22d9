using EfficiencyMisnomer.Disagreement;
using EfficiencyMisnomer.Exporters;

namespace EfficiencyMisnomer.Tests.Exporters;

/// <summary>
/// The Markdown report of a fixed document matches <c>Snapshots/report.md</c>. Set
/// <c>MISNOMER_UPDATE_SNAPSHOTS=1</c> to rewrite the snapshot after changing the report on purpose.
/// </summary>
public sealed class ResultsMarkdownTests
{
    private static string Render() => ResultsMarkdown.Render(ResultsReport.Build(SampleResults.Document(), SampleResults.Disagreement));

    [Test]
    public void Report_matches_the_snapshot()
    {
        var path = Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Exporters", "Snapshots", "report.md");
        var actual = Render().ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("MISNOMER_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run the tests with MISNOMER_UPDATE_SNAPSHOTS=1.");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path).ReplaceLineEndings("\n")), "the report differs from the snapshot; if on purpose, run the tests with MISNOMER_UPDATE_SNAPSHOTS=1 and review the diff.");
    }

    [Test]
    public void Failures_come_before_passes_with_their_locations()
    {
        var text = Render();
        var fail = text.IndexOf("| fail | vit-w3072 | budget | params | static |", StringComparison.Ordinal);
        var regressed = text.IndexOf("| regressed | vit-d48 |", StringComparison.Ordinal);
        var unstable = text.IndexOf("| unstable | vit-w3072 |", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(fail, Is.GreaterThan(0));
            Assert.That(regressed, Is.GreaterThan(fail));
            Assert.That(unstable, Is.GreaterThan(regressed));
            Assert.That(text, Does.Contain("specs/vit.yaml(7,20) |"));
            Assert.That(text, Does.Contain("2 passed or improved, 3 need attention."));
            Assert.That(text, Does.Not.Contain("| pass | vit-d48 | budget"), "passes are counted, not listed");
        });
    }

    [Test]
    public void Every_indicator_of_every_model_appears_with_its_unit_and_interval()
    {
        var text = Render();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("| params | parameters | 5.72 M | 22 M | 3 M |"));
            Assert.That(text, Does.Contain("| top1 | quality | 0.781 | 0.779 | 0.7 |"));
            Assert.That(text, Does.Contain("| latency.p50 | time | 3.1 ms (3.07 ms to 3.13 ms) | 1.2 ms (1.19 ms to 1.21 ms) |"));
            Assert.That(text, Does.Contain("unstable"));
            Assert.That(text, Does.Contain("n/a (no energy counter readable)"));
            Assert.That(text, Does.Contain("**Runtime: profile h200, batch 1, machine 9e8d7c6b5a41 (cuda)**"));
        });
    }

    [Test]
    public void Baseline_deltas_show_the_baseline_now_and_the_change()
    {
        var text = Render();
        Assert.That(text, Does.Contain("| vit-d48 | latency.p50 | ci-cpu, batch 1 | 2.8 ms | 3.1 ms | +10.7% | regressed |"));
    }

    [Test]
    public void Names_from_the_document_cannot_break_the_tables()
    {
        var text = Render();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(@"vit\|\<w\>\_\*\&"));
            Assert.That(text, Does.Not.Contain("<w>"));
        });
    }

    [Test]
    public void Disagreement_shows_the_flips_and_the_rank_agreement()
    {
        var text = Render();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("- 'vit-d48' has 3.9x fewer params than 'vit-w3072', but 'vit-w3072' needs 4x less depth."));
            Assert.That(text, Does.Contain("| params | 1 | -1.00 | -0.33 |"));
            Assert.That(text, Does.Contain(@"| macs | vit-w3072, vit-d48, vit\|\<w\>\_\*\& |"));
        });
    }

    [Test]
    public void Tied_models_read_as_tied_and_an_indicator_that_ties_them_all_says_it_ranks_nothing()
    {
        var text = ResultsMarkdown.Render(ResultsReport.Build(SampleResults.Document(), spec => new DisagreementReport(
            spec.Name,
            new[]
            {
                new IndicatorRanking("macs", "macs", null, null, null, new[] { new RankedModel("small", 1e9, 1), new RankedModel("mid", 2e9, 2), new RankedModel("wide", 2.01e9, 2) }),
                new IndicatorRanking("depth", "depth", null, null, null, new[] { new RankedModel("small", 12, 1), new RankedModel("mid", 12, 1), new RankedModel("wide", 12, 1) }),
            },
            Array.Empty<RankCorrelation>(),
            Array.Empty<OrderFlip>())));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("| macs | small, mid = wide |"));
            Assert.That(text, Does.Contain("| depth | small = mid = wide (all tie: this indicator does not separate them) |"));
        });
    }
}
