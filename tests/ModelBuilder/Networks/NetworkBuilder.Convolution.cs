namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>Convolutional layers: conv, batch normalization, pooling, the linear classifier.</summary>
public sealed partial class NetworkBuilder
{
    /// <summary>A square nn.Conv2d: weight [out, in / groups, k, k], bias only when asked.</summary>
    public string Conv(string x, string name, long inChannels, long outChannels, long kernel,
        long stride = 1, long padding = 0, long groups = 1, bool bias = false)
    {
        var weight = Weight($"{name}.weight", outChannels, inChannels / groups, kernel, kernel);
        var inputs = bias ? new[] { x, weight, Weight($"{name}.bias", outChannels) } : new[] { x, weight };
        return Model.Op("Conv", inputs,
            ("dilations", new[] { 1L, 1L }),
            ("group", groups),
            ("kernel_shape", new[] { kernel, kernel }),
            ("pads", new[] { padding, padding, padding, padding }),
            ("strides", new[] { stride, stride }));
    }

    /// <summary>nn.BatchNorm2d in eval mode, unfused: scale, bias, running mean and running variance.</summary>
    public string BatchNorm(string x, string name, long channels, float epsilon = 1e-5f)
    {
        var inputs = new[]
        {
            x,
            Weight($"{name}.weight", channels),
            Weight($"{name}.bias", channels),
            Weight($"{name}.running_mean", channels),
            Weight($"{name}.running_var", channels),
        };
        return Model.Op("BatchNormalization", inputs, ("epsilon", epsilon), ("momentum", 0.9f));
    }

    /// <summary>torchvision's Conv2dNormActivation: conv <c>name.0</c>, batch norm <c>name.1</c>, then the activation.</summary>
    public string ConvBn(string x, string name, long inChannels, long outChannels, long kernel,
        long stride = 1, long groups = 1, Func<string, string>? activation = null)
    {
        var conv = Conv(x, $"{name}.0", inChannels, outChannels, kernel, stride, (kernel - 1) / 2, groups);
        var normalized = BatchNorm(conv, $"{name}.1", outChannels);
        return activation is null ? normalized : activation(normalized);
    }

    public string MaxPool(string x, long kernel, long stride, long padding) => Model.Op("MaxPool", new[] { x },
        ("kernel_shape", new[] { kernel, kernel }),
        ("pads", new[] { padding, padding, padding, padding }),
        ("strides", new[] { stride, stride }));

    public string GlobalAveragePool(string x) => Model.Op("GlobalAveragePool", new[] { x });

    /// <summary>nn.Linear on a [batch, features] input, as Gemm with weight [out, in] and transB = 1.</summary>
    public string Linear(string x, string name, long inFeatures, long outFeatures, bool bias = true)
    {
        var weight = Weight($"{name}.weight", outFeatures, inFeatures);
        var inputs = bias ? new[] { x, weight, Weight($"{name}.bias", outFeatures) } : new[] { x, weight };
        return Model.Op("Gemm", inputs, ("alpha", 1f), ("beta", 1f), ("transB", 1L));
    }
}
