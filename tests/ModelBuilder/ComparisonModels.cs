using EfficiencyMisnomer.Onnx.Wire;
using Google.Protobuf;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>Models for comparisons against a revision: networks whose time scales with a depth, and the same file re-saved.</summary>
public static class ComparisonModels
{
    /// <summary>An encoder of <paramref name="depth"/> blocks of width 64 with seeded weights: four blocks take about four times one.</summary>
    public static ModelBuilder Stack(int depth) => Transformers.Encoder(depth, 64, 2, 256, 32, shareWeights: false, WeightStorage.Random);

    /// <summary>Rewrites the model at <paramref name="path"/> with other metadata: other bytes, the same network.</summary>
    public static void Resave(string path) => File.WriteAllBytes(path, Resaved(File.ReadAllBytes(path)));

    /// <summary>The model in <paramref name="bytes"/> with other metadata.</summary>
    public static byte[] Resaved(byte[] bytes)
    {
        var model = ModelProto.Parser.ParseFrom(bytes);
        model.ProducerVersion = "re-saved with other metadata";
        return model.ToByteArray();
    }
}
