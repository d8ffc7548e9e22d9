namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>
/// Exact reconstructions of torchvision classifiers (eval mode, batch normalization unfused), input
/// <c>input</c> float [batch, 3, 224, 224]. Weights default to <see cref="WeightStorage.External"/>: saved,
/// the data file is sparse, so a 100–350 MB model costs nothing on disk and little memory; such a model
/// must be saved (ModelBuilder.Save) before it is loaded.
/// </summary>
public static partial class TorchVisionModels
{
    /// <summary>torchvision's documented parameter count of resnet50.</summary>
    public const long ResNet50Params = 25_557_032;

    /// <summary>torchvision's documented parameter count of mobilenet_v2.</summary>
    public const long MobileNetV2Params = 3_504_872;

    /// <summary>torchvision's documented parameter count of vit_b_16.</summary>
    public const long VitB16Params = 86_567_656;

    /// <summary>torchvision's documented GFLOPS (conv and matmul MACs at batch 1) of resnet50.</summary>
    public const double ResNet50Macs = 4.089e9;

    /// <summary>torchvision's documented GFLOPS of mobilenet_v2.</summary>
    public const double MobileNetV2Macs = 0.301e9;

    /// <summary>torchvision's documented GFLOPS of vit_b_16.</summary>
    public const double VitB16Macs = 17.564e9;

    /// <summary>vit_b_16: patch 16, 12 layers, dim 768, 12 heads, MLP 3072, 1000 classes.</summary>
    public static ModelBuilder VitB16(WeightStorage storage = WeightStorage.External) =>
        VisionTransformer.Build("vit_b_16", new VisionTransformer.Size(16, 12, 768, 12, 3072), storage);
}
