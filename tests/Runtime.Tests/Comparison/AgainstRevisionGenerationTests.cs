using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Tests.Comparison;

/// <summary>
/// A decoder's generation compared against a git revision: base and head generate in turn, round by round, and the
/// generation indicators are judged on the paired per-round ratios. Outcomes are clear-cut (the same decoder re-saved;
/// one four times deeper) so that no test depends on how busy the machine is.
/// </summary>
[NonParallelizable]
public sealed class AgainstRevisionGenerationTests
{
    private const string Spec = """
        name: decoder
        models:
          decoder:
            path: models/decoder.onnx
            generation: { prompt: 8, new_tokens: 8 }
        hardware:
          ci-cpu:
            match: { provider: cpu }
            threads: 1
            budgets:
              ttft: { max: 10 s }
              tpot: { max: 10 s }
              tokens_per_s.decode: { min: 1 /s }
        regression:
          against: main
          tolerance: { default: 10% }

        """;

    private static readonly string[] Generation = { "ttft", "tpot", "tokens_per_s.decode" };

    private GitRepository repository = null!;

    private string ModelPath => repository.PathOf("specs/models/decoder.onnx");

    [SetUp]
    public void CommitBase()
    {
        repository = GitRepository.Init();
        repository.Write("specs/decoder.yaml", Spec);
        QuantizedDecoders.Int4("decoder", QuantizedDecoders.Tiny).Save(ModelPath);
        repository.Commit("base");
    }

    [TearDown]
    public void Delete() => repository.Dispose();

    [Test]
    public void The_same_decoder_re_saved_raises_no_alarm_and_both_sides_generate()
    {
        ComparisonModels.Resave(ModelPath);

        var result = Run();

        var measured = result.Cases.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.AllDiagnostics.Select(d => d.Code), Does.Not.Contain("EM9999"));
            Assert.That(measured.Regressions.Select(r => r.Indicator), Is.EquivalentTo(Generation), "every budgeted generation indicator is compared");
            foreach (var verdict in measured.Regressions)
            {
                Assert.That(verdict.Status, Is.AnyOf(RegressionOutcome.Pass, RegressionOutcome.Inconclusive), verdict.Message);
                Assert.That(verdict.Message, Does.Contain("the paired generations").Or.Contain("interval"), verdict.Message);
                Assert.That(verdict.Ratio, Is.InRange(verdict.RatioLower!.Value, verdict.RatioUpper!.Value), verdict.Indicator);
                Assert.That(verdict.Interval95, Is.Not.Null, verdict.Indicator);
            }

            var paired = measured.Paired!;
            Assert.That(paired.Generation, Is.Not.Null);
            Assert.That(paired.Generation!.Rounds, Is.GreaterThanOrEqualTo(GenerationMeasurer.MinimumGenerations));
            foreach (var name in Generation)
            {
                Assert.That(paired.Base[name].Value, Is.GreaterThan(0), "the base generated: " + name);
                Assert.That(paired.Head[name].Value, Is.GreaterThan(0), "the head generated: " + name);
            }
        });
    }

    [Test]
    public void A_decoder_four_times_deeper_regresses_on_every_generation_indicator()
    {
        QuantizedDecoders.Int4("decoder", QuantizedDecoders.Tiny with { Layers = 8 }).Save(ModelPath);

        var result = Run();

        Assert.That(result.Cases, Has.Count.EqualTo(1), string.Join("\n", result.AllDiagnostics));
        var regressions = result.Cases.Single().Regressions;
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            foreach (var verdict in regressions)
            {
                Assert.That(verdict.Status, Is.EqualTo(RegressionOutcome.Regressed), verdict.Message);
            }

            Assert.That(regressions.Single(r => r.Indicator == "tpot").RatioLower, Is.GreaterThan(1.1), "slower per token");
            Assert.That(regressions.Single(r => r.Indicator == "tokens_per_s.decode").RatioUpper, Is.LessThan(1 / 1.1), "fewer tokens per second");
        });
    }

    private RuntimeGateResult Run() => RuntimeGate.Run(new[] { repository.PathOf("specs/decoder.yaml") }, new RuntimeGateOptions
    {
        Provider = ProviderRequest.Cpu,
        Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(2) },
    });
}
