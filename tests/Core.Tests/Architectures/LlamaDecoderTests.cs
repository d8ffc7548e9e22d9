using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Tests.Architectures;

public sealed class LlamaDecoderTests
{
    private static readonly Decoders.Size Small = new(Vocab: 128, Dim: 32, Layers: 2, Heads: 4, Hidden: 88);

    [Test]
    public void Llama_7b_sizes_give_its_published_parameter_count()
    {
        // Embeddings 131,072,000; per layer 4·4096² + 3·4096·11008 + 2·4096 = 202,383,360; final norm 4,096; lm_head 131,072,000.
        Assert.That(Decoders.Llama7B.Params, Is.EqualTo((2 * 131_072_000L) + (32 * 202_383_360L) + 4_096).And.EqualTo(6_738_415_616L));
    }

    [Test]
    public void A_small_decoder_has_the_parameters_and_macs_of_its_formula([Values(1, 7, 16)] long seq)
    {
        var report = StaticAnalyzer.Analyze(Decoders.Llama("small", Small, WeightStorage.Zeros).Load(),
            ShapeBindings.Parse(new[] { "batch=1", $"seq={seq}" }));

        // Per layer: q, k, v, o, gate, up, down over every token, plus Q·Kᵀ and weights·V; then lm_head.
        var layerMacs = (seq * ((4 * Small.Dim * Small.Dim) + (3 * Small.Dim * Small.Hidden))) + (2 * seq * seq * Small.Dim);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("params"), Is.EqualTo(Small.Params));
            Assert.That(report.Count("embedding_params"), Is.EqualTo(Small.Vocab * Small.Dim));
            Assert.That(report.Count("macs"), Is.EqualTo((Small.Layers * layerMacs) + (seq * Small.Dim * Small.Vocab)));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Coverage.UninferredNodes, Is.Empty);
            Assert.That(report.Diagnostics, Is.Empty);
        });
    }
}
