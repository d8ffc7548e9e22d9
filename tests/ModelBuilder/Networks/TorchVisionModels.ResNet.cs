namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>resnet50 (torchvision's v1.5: the stride of a bottleneck sits on its 3x3 conv).</summary>
public static partial class TorchVisionModels
{
    private const long BottleneckExpansion = 4;

    /// <summary>resnet50: stem, bottleneck stages of 3, 4, 6, 3 blocks, global pool, fc.</summary>
    public static ModelBuilder ResNet50(WeightStorage storage = WeightStorage.External)
    {
        var net = new NetworkBuilder("resnet50", storage);
        var x = net.Conv(net.ImageInput(), "conv1", 3, 64, kernel: 7, stride: 2, padding: 3);
        x = net.MaxPool(net.Relu(net.BatchNorm(x, "bn1", 64)), kernel: 3, stride: 2, padding: 1);

        long channels = 64;
        var stages = new (int Blocks, long Width)[] { (3, 64), (4, 128), (6, 256), (3, 512) };
        for (int s = 0; s < stages.Length; s++)
        {
            for (int b = 0; b < stages[s].Blocks; b++)
            {
                var stride = s > 0 && b == 0 ? 2 : 1;
                x = Bottleneck(net, x, $"layer{s + 1}.{b}", channels, stages[s].Width, stride);
                channels = stages[s].Width * BottleneckExpansion;
            }
        }

        var pooled = net.Flatten(net.GlobalAveragePool(x));
        return net.Output(net.Linear(pooled, "fc", channels, 1000), 1000);
    }

    private static string Bottleneck(NetworkBuilder net, string x, string name, long inChannels, long width, long stride)
    {
        var outChannels = width * BottleneckExpansion;
        var y = net.Relu(net.BatchNorm(net.Conv(x, $"{name}.conv1", inChannels, width, 1), $"{name}.bn1", width));
        y = net.Relu(net.BatchNorm(net.Conv(y, $"{name}.conv2", width, width, 3, stride, padding: 1), $"{name}.bn2", width));
        y = net.BatchNorm(net.Conv(y, $"{name}.conv3", width, outChannels, 1), $"{name}.bn3", outChannels);

        var identity = x;
        if (stride != 1 || inChannels != outChannels)
        {
            var projected = net.Conv(x, $"{name}.downsample.0", inChannels, outChannels, 1, stride);
            identity = net.BatchNorm(projected, $"{name}.downsample.1", outChannels);
        }

        return net.Relu(net.Add(y, identity));
    }
}
