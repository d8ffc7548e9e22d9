using EfficiencyMisnomer.Disagreement;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Tests.Disagreement;

/// <summary>
/// The detector on the case-study specs (specs/case-studies/), measured on this machine: the flips it reports
/// are the ones the values show, every measured difference it relies on is outside noise, and a family that
/// differs only by a uniform scale has none.
/// </summary>
[NonParallelizable]
public sealed class CaseStudyDisagreementTests
{
    private static readonly string[] Specs = { "sharing", "vit-depth-width", "convnets", "uniform-scale" };

    private readonly Dictionary<string, SpecResults> results = new(StringComparer.Ordinal);
    private string folder = "";

    [OneTimeSetUp]
    public void MeasureCaseStudies()
    {
        folder = Path.Combine(Path.GetTempPath(), "misnomer-case-studies", Guid.NewGuid().ToString("N"));
        CaseStudies.Write(Path.Combine(folder, "models"));
        foreach (var name in Specs)
        {
            var spec = Path.Combine(folder, name + ".yaml");
            File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "case-studies", name + ".yaml"), spec);
            var gate = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions
            {
                Provider = ProviderRequest.Cpu,
                Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1.5) },
            });
            Assert.That(gate.Static!.Diagnostics.Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error), Is.Empty, name);
            results[name] = CaseStudyResults.From(spec, gate);
            TestContext.Progress.WriteLine(Describe(results[name]));
        }
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestCase("sharing")]
    [TestCase("vit-depth-width")]
    [TestCase("convnets")]
    [TestCase("uniform-scale")]
    public void Reports_exactly_the_pairs_the_values_order_both_ways(string name)
    {
        var report = MisnomerDetector.Analyze(results[name]);
        foreach (var flip in report.Flips)
        {
            TestContext.Out.WriteLine(flip.Sentence);
        }

        Assert.That(report.Flips.Select(f => (f.First, f.Second)), Is.EquivalentTo(ExpectedFlips(results[name])));
    }

    [TestCase("sharing")]
    [TestCase("vit-depth-width")]
    [TestCase("convnets")]
    public void Every_measured_difference_of_a_flip_is_outside_the_intervals(string name)
    {
        var spec = results[name];
        foreach (var flip in MisnomerDetector.Analyze(spec).Flips)
        {
            foreach (var difference in flip.FavourFirst.Concat(flip.FavourSecond).Where(d => d.Key.Contains(" @ ", StringComparison.Ordinal)))
            {
                var a = Measured(spec, flip.First, difference.Key);
                var b = Measured(spec, flip.Second, difference.Key);
                Assert.That(a.Upper < b.Lower || b.Upper < a.Lower, Is.True, $"{flip.Sentence}: {difference.Key} intervals [{a.Lower}, {a.Upper}] and [{b.Lower}, {b.Upper}] overlap");
            }
        }
    }

    [Test]
    public void Sharing_flips_params_against_macs_between_the_universal_and_the_shallow_encoder()
    {
        var spec = results["sharing"];
        Assume.That(Static(spec, "universal-d6", "params"), Is.LessThan(Static(spec, "encoder-d2", "params")));
        Assume.That(Static(spec, "universal-d6", "macs"), Is.GreaterThan(Static(spec, "encoder-d2", "macs")));

        var flip = MisnomerDetector.Analyze(spec).Flips.Single(f => (f.First, f.Second) == ("universal-d6", "encoder-d2"));

        Assert.That(flip.FavourFirst.Select(d => d.Key), Does.Contain("params"));
        Assert.That(flip.FavourSecond.Select(d => d.Key), Does.Contain("macs").And.Contain("depth"));
        Assert.That(Static(spec, "universal-d6", "macs"), Is.EqualTo(Static(spec, "encoder-d6", "macs")), "sharing leaves MACs alone");
    }

    [Test]
    public void Vit_depth_width_flips_params_against_macs_and_depth()
    {
        var flip = MisnomerDetector.Analyze(results["vit-depth-width"]).Flips.Single();

        Assert.That((flip.First, flip.Second), Is.EqualTo(("vit-deep", "vit-wide")));
        Assert.That(flip.FavourFirst.Select(d => d.Key), Does.Contain("params"));
        Assert.That(flip.FavourSecond.Select(d => d.Key), Does.Contain("macs").And.Contain("depth"));
        Assert.That(flip.FavourSecond.Single(d => d.Key == "depth").Ratio, Is.GreaterThan(3));
    }

    [Test]
    public void Uniform_scale_has_no_flip_and_every_ranking_puts_the_models_in_scale_order()
    {
        var report = MisnomerDetector.Analyze(results["uniform-scale"]);

        Assert.That(report.Flips, Is.Empty);
        Assert.That(report.Rankings.Where(r => r.Key.Contains(" @ ", StringComparison.Ordinal)), Is.Not.Empty, "measured rankings take part");
        Assert.That(report.Correlations.Select(c => c.KendallTau).Where(t => !double.IsNaN(t)), Is.All.GreaterThan(0));
    }

    /// <summary>
    /// The flips as the rule in docs/indicators.md defines them, computed here from the values: a pair flips when
    /// some ranked indicator puts one model decisively lower and another the other one.
    /// </summary>
    private static IEnumerable<(string, string)> ExpectedFlips(SpecResults spec)
    {
        var names = spec.Models.Select(m => m.Name).ToList();
        for (int i = 0; i < names.Count; i++)
        {
            for (int j = i + 1; j < names.Count; j++)
            {
                var orders = Orders(spec.Models[i], spec.Models[j]).ToList();
                if (orders.Contains(-1) && orders.Contains(1))
                {
                    yield return (names[i], names[j]);
                }
            }
        }
    }

    private static IEnumerable<int> Orders(ModelResults a, ModelResults b)
    {
        foreach (var x in a.Static.Where(s => RankedIndicators.Direction(s.Name) is not null))
        {
            if (x.Value is { } u && b.StaticIndicator(x.Name)?.Value is { } v && Math.Abs(u - v) > 0.01 * Math.Max(u, v))
            {
                yield return Math.Sign(u - v);
            }
        }

        foreach (var run in a.Runtime)
        {
            var other = b.Runtime.Single(r => r.Profile == run.Profile && r.Batch == run.Batch);
            foreach (var x in run.Indicators.Where(i => i.Value is not null && RankedIndicators.Direction(i.Name) is not null))
            {
                if (other.Indicator(x.Name) is not { Value: { } v } y)
                {
                    continue;
                }

                var u = x.Value!.Value;
                if (x.Lower == x.Upper || y.Lower == y.Upper)
                {
                    continue; // one observation: its noise is unknown, it orders nothing
                }

                var apart = (x.Upper ?? double.PositiveInfinity) < (y.Lower ?? double.NegativeInfinity) || (y.Upper ?? double.PositiveInfinity) < (x.Lower ?? double.NegativeInfinity);
                if (apart && Math.Abs(u - v) > 0.01 * Math.Max(u, v))
                {
                    var sign = Math.Sign(u - v);
                    yield return RankedIndicators.Direction(x.Name) == CostDirection.HigherIsCheaper ? -sign : sign;
                }
            }
        }
    }

    private static double Static(SpecResults spec, string model, string indicator) => spec.Model(model)!.StaticIndicator(indicator)!.Value!.Value;

    private static IndicatorResult Measured(SpecResults spec, string model, string key)
    {
        var indicator = key[..key.IndexOf(' ', StringComparison.Ordinal)];
        return spec.Model(model)!.Runtime.Single().Indicator(indicator)!;
    }

    private static string Describe(SpecResults spec) => string.Join(Environment.NewLine, spec.Models.Select(m =>
        $"{spec.Name} {m.Name}: " + string.Join(", ", m.Static.Where(s => s.Name is "params" or "macs" or "depth" or "activations").Select(s => $"{s.Name} {s.Value}"))
        + "; " + string.Join(", ", m.Runtime.SelectMany(r => r.Indicators).Where(i => i.Name is "latency.p50" or "throughput" or "peak_memory" or "cold_start")
            .Select(i => $"{i.Name} {i.Value:G4} [{i.Lower:G4}, {i.Upper:G4}]"))));
}
