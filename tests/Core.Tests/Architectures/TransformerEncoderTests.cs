using EfficiencyMisnomer.ModelBuilder;
using static EfficiencyMisnomer.Tests.Architectures.ArchitectureAnalysis;

namespace EfficiencyMisnomer.Tests.Architectures;

public sealed class TransformerEncoderTests
{
    private const long Dim = 64;
    private const long Heads = 4;
    private const long MlpDim = 256;
    private const long Tokens = 16;

    // One block: ln_1, ln_2 (2·dim each), in_proj (dim·3·dim + 3·dim), out_proj (dim² + dim), MLP (2·dim·mlp + mlp + dim).
    private const long LayerParams = (2 * 2 * Dim) + (3 * Dim * Dim) + (3 * Dim) + (Dim * Dim) + Dim + (2 * Dim * MlpDim) + MlpDim + Dim;

    private static Analysis Encoder(int depth, bool shared)
    {
        var report = Analyze(Transformers.Encoder(depth, Dim, Heads, MlpDim, Tokens, shared));
        return new Analysis(report.Count("params"), report.Count("param_uses"), report["sharing_factor"].Value, report.Count("macs"));
    }

    [Test]
    public void Shared_weights_keep_params_those_of_one_layer_whatever_the_depth([Values(1, 2, 4, 8)] int depth)
    {
        var encoder = Encoder(depth, shared: true);

        Assert.Multiple(() =>
        {
            Assert.That(encoder.Params, Is.EqualTo(LayerParams));
            Assert.That(encoder.ParamUses, Is.EqualTo(depth * LayerParams));
            Assert.That(encoder.SharingFactor, Is.EqualTo(depth));
        });
    }

    [Test]
    public void Distinct_weights_grow_params_linearly_with_depth([Values(1, 2, 4, 8)] int depth)
    {
        var encoder = Encoder(depth, shared: false);

        Assert.Multiple(() =>
        {
            Assert.That(encoder.Params, Is.EqualTo(depth * LayerParams));
            Assert.That(encoder.ParamUses, Is.EqualTo(depth * LayerParams));
            Assert.That(encoder.SharingFactor, Is.EqualTo(1));
        });
    }

    [Test]
    [Category(NeedsCostRules)]
    public void Macs_grow_linearly_with_depth_shared_or_not([Values(2, 4, 8)] int depth, [Values] bool shared)
    {
        // Per block: in_proj, out_proj and MLP matmuls over every token, plus Q·Kᵀ and weights·V.
        const long layerMacs = (Tokens * ((4 * Dim * Dim) + (2 * Dim * MlpDim))) + (2 * Tokens * Tokens * Dim);

        Assert.Multiple(() =>
        {
            Assert.That(Encoder(1, shared).Macs, Is.EqualTo(layerMacs));
            Assert.That(Encoder(depth, shared).Macs, Is.EqualTo(depth * layerMacs));
        });
    }

    private sealed record Analysis(long Params, long ParamUses, double SharingFactor, long Macs);
}
