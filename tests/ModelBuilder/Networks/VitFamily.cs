namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>
/// Two small ViTs scaled in depth versus width, a small-scale echo of the paper's ViT-D48 versus ViT-W3072
/// comparison: about the same parameters and MACs (within 6%), four times apart in sequential depth.
/// </summary>
public static class VitFamily
{
    /// <summary>Deep: patch 16, 12 layers, dim 192, 3 heads, MLP 768 (the ViT-Ti/16 shape): 5.72M params, 1.25 GMACs.</summary>
    public static VisionTransformer.Size DeepSize { get; } = new(Patch: 16, Depth: 12, Dim: 192, Heads: 3, MlpDim: 768);

    /// <summary>Wide: patch 16, 3 layers, dim 256, 4 heads, MLP 3072: 6.03M params, 1.18 GMACs.</summary>
    public static VisionTransformer.Size WideSize { get; } = new(Patch: 16, Depth: 3, Dim: 256, Heads: 4, MlpDim: 3072);

    /// <summary>The deep variant (see <see cref="DeepSize"/>).</summary>
    public static ModelBuilder Deep(WeightStorage storage = WeightStorage.Zeros) => VisionTransformer.Build("vit_deep_d12", DeepSize, storage);

    /// <summary>The wide variant (see <see cref="WideSize"/>).</summary>
    public static ModelBuilder Wide(WeightStorage storage = WeightStorage.Zeros) => VisionTransformer.Build("vit_wide_w3072", WideSize, storage);
}
