using EfficiencyMisnomer.ModelBuilder;
using static EfficiencyMisnomer.Tests.Architectures.ArchitectureAnalysis;

namespace EfficiencyMisnomer.Tests.Architectures;

public sealed class FusedEncoderTests
{
    private const long Dim = 64;
    private const long Heads = 4;
    private const long MlpDim = 256;
    private const long Tokens = 16;

    [Test]
    public void Fused_layer_has_the_macs_and_params_of_the_unfused_one([Values(EncoderFusion.Attention, EncoderFusion.MultiHeadAttention)] EncoderFusion fusion)
    {
        var unfused = Analyze(BertLayers.Encoder(2, Dim, Heads, MlpDim, Tokens, EncoderFusion.Unfused));
        var fused = Analyze(BertLayers.Encoder(2, Dim, Heads, MlpDim, Tokens, fusion));

        // Per layer: Q, K, V and out projections, the MLP, and Q·Kᵀ and weights·V over every token.
        const long layerMacs = (Tokens * ((4 * Dim * Dim) + (2 * Dim * MlpDim))) + (2 * Tokens * Tokens * Dim);
        Assert.Multiple(() =>
        {
            Assert.That(unfused.Count("macs"), Is.EqualTo(2 * layerMacs));
            Assert.That(fused.Count("macs"), Is.EqualTo(2 * layerMacs));
            Assert.That(fused.Count("params"), Is.EqualTo(unfused.Count("params")));
            Assert.That(fused.Count("unknown_ops"), Is.Zero);
            Assert.That(fused.Coverage.UninferredNodes, Is.Empty);
            Assert.That(fused.Count("depth"), Is.LessThan(unfused.Count("depth")));
        });
    }
}
