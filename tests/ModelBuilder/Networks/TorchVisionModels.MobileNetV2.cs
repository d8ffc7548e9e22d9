namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>mobilenet_v2 at width multiplier 1.0.</summary>
public static partial class TorchVisionModels
{
    /// <summary>mobilenet_v2: stem, 17 inverted residual blocks, 1x1 conv to 1280, global pool, classifier.</summary>
    public static ModelBuilder MobileNetV2(WeightStorage storage = WeightStorage.External)
    {
        var net = new NetworkBuilder("mobilenet_v2", storage);
        var x = net.ConvBn(net.ImageInput(), "features.0", 3, 32, 3, stride: 2, activation: net.Relu6);

        // (expansion t, output channels c, repeats n, first stride s), as in the paper's Table 2.
        var settings = new[] { (1, 16L, 1, 1L), (6, 24L, 2, 2L), (6, 32L, 3, 2L), (6, 64L, 4, 2L), (6, 96L, 3, 1L), (6, 160L, 3, 2L), (6, 320L, 1, 1L) };
        long channels = 32;
        int feature = 1;
        foreach (var (t, c, n, s) in settings)
        {
            for (int i = 0; i < n; i++)
            {
                x = InvertedResidual(net, x, $"features.{feature++}", channels, c, i == 0 ? s : 1, t);
                channels = c;
            }
        }

        x = net.ConvBn(x, $"features.{feature}", channels, 1280, 1, activation: net.Relu6);
        var pooled = net.Flatten(net.GlobalAveragePool(x));
        return net.Output(net.Linear(pooled, "classifier.1", 1280, 1000), 1000);
    }

    private static string InvertedResidual(NetworkBuilder net, string x, string name, long inChannels, long outChannels, long stride, int expansion)
    {
        var hidden = inChannels * expansion;
        var y = x;
        int layer = 0;
        if (expansion != 1)
        {
            y = net.ConvBn(y, $"{name}.conv.{layer++}", inChannels, hidden, 1, activation: net.Relu6);
        }

        y = net.ConvBn(y, $"{name}.conv.{layer++}", hidden, hidden, 3, stride, groups: hidden, activation: net.Relu6);
        y = net.Conv(y, $"{name}.conv.{layer++}", hidden, outChannels, 1);
        y = net.BatchNorm(y, $"{name}.conv.{layer}", outChannels);
        return stride == 1 && inChannels == outChannels ? net.Add(x, y) : y;
    }
}
