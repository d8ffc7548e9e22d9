namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>
/// The models of the case-study specs (specs/case-studies/): small enough to measure in milliseconds on a CPU,
/// shaped after the paper's comparisons. Weights are seeded random by default, so that no kernel takes a
/// shortcut on zeros. Keys are the file names the specs name, without <c>.onnx</c>.
/// </summary>
public static class CaseStudies
{
    /// <summary>Encoder shape of the sharing study: 128 tokens of width 128, 2 heads, MLP 512.</summary>
    private const long Tokens = 128, Dim = 128, Heads = 2, MlpDim = 512;

    /// <summary>The deep-narrow ViT: 8 layers of width 96 (MLP 384), patch 16.</summary>
    public static VisionTransformer.Size VitDeep { get; } = new(Patch: 16, Depth: 8, Dim: 96, Heads: 2, MlpDim: 384);

    /// <summary>The shallow-wide ViT: 2 layers of width 192 (MLP 768), patch 16: the same encoder parameters as <see cref="VitDeep"/>.</summary>
    public static VisionTransformer.Size VitWide { get; } = new(Patch: 16, Depth: 2, Dim: 192, Heads: 3, MlpDim: 768);

    /// <summary>Every case-study model by file name, built on demand.</summary>
    public static IReadOnlyDictionary<string, Func<WeightStorage, ModelBuilder>> Models { get; } = new Dictionary<string, Func<WeightStorage, ModelBuilder>>(StringComparer.Ordinal)
    {
        // sharing.yaml: six blocks with their own weights, six steps of one shared block (Universal Transformer), two own blocks.
        ["encoder-d6"] = s => Transformers.Encoder(6, Dim, Heads, MlpDim, Tokens, shareWeights: false, s),
        ["universal-d6"] = s => Transformers.Encoder(6, Dim, Heads, MlpDim, Tokens, shareWeights: true, s),
        ["encoder-d2"] = s => Transformers.Encoder(2, Dim, Heads, MlpDim, Tokens, shareWeights: false, s),

        // vit-depth-width.yaml
        ["vit-deep"] = s => VisionTransformer.Build("vit_deep_d8", VitDeep, s),
        ["vit-wide"] = s => VisionTransformer.Build("vit_wide_d2", VitWide, s),

        // convnets.yaml
        ["plain-cnn"] = PlainCnn,
        ["resnet-cnn"] = ResNetCnn,
        ["mobile-cnn"] = MobileCnn,

        // uniform-scale.yaml: one encoder block of width 192 repeated 1, 2 and 4 times.
        ["stack-x1"] = s => Transformers.Encoder(1, 192, 3, 768, 64, shareWeights: false, s),
        ["stack-x2"] = s => Transformers.Encoder(2, 192, 3, 768, 64, shareWeights: false, s),
        ["stack-x4"] = s => Transformers.Encoder(4, 192, 3, 768, 64, shareWeights: false, s),
    };

    /// <summary>Writes every case-study model into <paramref name="folder"/> as NAME.onnx; returns the paths.</summary>
    public static IReadOnlyList<string> Write(string folder, WeightStorage storage = WeightStorage.Random)
    {
        Directory.CreateDirectory(folder);
        return Models.Select(m => m.Value(storage).Save(Path.Combine(folder, m.Key + ".onnx"))).ToList();
    }

    /// <summary>VGG-style: 3x3 convolutions and max pooling on 112x112 images, 10 classes (batch norm folded into the convolutions, as exported for inference).</summary>
    private static ModelBuilder PlainCnn(WeightStorage storage)
    {
        var net = new NetworkBuilder("plain_cnn", storage);
        var x = net.ImageInput(3, 112);
        int layer = 0;
        foreach (var stage in new[] { new long[] { 3, 16 }, new long[] { 16, 32, 32 }, new long[] { 32, 64, 64 }, new long[] { 64, 128 } })
        {
            for (int i = 1; i < stage.Length; i++)
            {
                x = net.Relu(net.Conv(x, $"features.{layer++}", stage[i - 1], stage[i], 3, padding: 1, bias: true));
            }

            x = net.MaxPool(x, 2, 2, 0);
        }

        return Classifier(net, x, 128);
    }

    /// <summary>ResNet-style: a strided stem, two basic blocks of 32 channels, one downsampling block to 64.</summary>
    private static ModelBuilder ResNetCnn(WeightStorage storage)
    {
        var net = new NetworkBuilder("resnet_cnn", storage);
        var x = net.Relu(net.Conv(net.ImageInput(3, 112), "conv1", 3, 32, 3, stride: 2, padding: 1, bias: true));
        x = net.MaxPool(x, 3, 2, 1);
        x = BasicBlock(net, x, "layer1.0", 32, 32, 1);
        x = BasicBlock(net, x, "layer1.1", 32, 32, 1);
        x = BasicBlock(net, x, "layer2.0", 32, 64, 2);
        return Classifier(net, x, 64);
    }

    private static string BasicBlock(NetworkBuilder net, string x, string name, long inChannels, long outChannels, long stride)
    {
        var y = net.Relu(net.Conv(x, $"{name}.conv1", inChannels, outChannels, 3, stride, 1, bias: true));
        y = net.Conv(y, $"{name}.conv2", outChannels, outChannels, 3, 1, 1, bias: true);
        var shortcut = stride == 1 && inChannels == outChannels ? x : net.Conv(x, $"{name}.downsample", inChannels, outChannels, 1, stride, bias: true);
        return net.Relu(net.Add(y, shortcut));
    }

    /// <summary>MobileNetV2-style: inverted residual blocks (expand 6, depthwise 3x3, project): few MACs, many sequential steps.</summary>
    private static ModelBuilder MobileCnn(WeightStorage storage)
    {
        var net = new NetworkBuilder("mobile_cnn", storage);
        var x = net.Relu6(net.Conv(net.ImageInput(3, 112), "features.0", 3, 16, 3, stride: 2, padding: 1, bias: true));
        long channels = 16;
        int feature = 1;
        foreach (var (c, n, s) in new[] { (24L, 2, 2L), (32L, 3, 2L), (64L, 2, 2L) })
        {
            for (int i = 0; i < n; i++)
            {
                x = InvertedResidual(net, x, $"features.{feature++}", channels, c, i == 0 ? s : 1);
                channels = c;
            }
        }

        x = net.Relu6(net.Conv(x, $"features.{feature}", channels, 256, 1, bias: true));
        return Classifier(net, x, 256);
    }

    private static string InvertedResidual(NetworkBuilder net, string x, string name, long inChannels, long outChannels, long stride)
    {
        var hidden = inChannels * 6;
        var y = net.Relu6(net.Conv(x, $"{name}.expand", inChannels, hidden, 1, bias: true));
        y = net.Relu6(net.Conv(y, $"{name}.depthwise", hidden, hidden, 3, stride, 1, groups: hidden, bias: true));
        y = net.Conv(y, $"{name}.project", hidden, outChannels, 1, bias: true);
        return stride == 1 && inChannels == outChannels ? net.Add(x, y) : y;
    }

    private static ModelBuilder Classifier(NetworkBuilder net, string x, long channels)
    {
        var pooled = net.Flatten(net.GlobalAveragePool(x));
        return net.Output(net.Linear(pooled, "classifier", channels, 10), 10);
    }
}
