using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel.Rules;

/// <summary>com.microsoft DynamicQuantizeLSTM against ONNX Runtime's contrib operator documentation and the float LSTM it replaces.</summary>
public sealed class DynamicQuantizeLstmCostTests
{
    private const string Contrib = "com.microsoft";
    private const long T = 3, B = 2, I = 5, H = 4, D = 2;

    [Test]
    public void Costs_and_counts_as_the_float_lstm_plus_the_dynamic_quantization()
    {
        var quantized = Quantized();
        var lstm = FloatLstm();

        // The float LSTM: T·4·H·(I + H)·D·B = 3·4·4·9·2·2 = 1728 MACs; 26 FLOPs per unit and cell with bias, over 48.
        // Quantizing X: 4·(3·2·5) = 120; per cell (T·B·D = 12): h quantized 4·H = 16, W·x and R·h rescaled 2·4H = 32.
        const long macs = T * 4 * H * (I + H) * D * B;
        const long cells = T * B * D;
        const long lstmFlops = (2 * macs) + (26 * cells * H);
        Assert.Multiple(() =>
        {
            Assert.That(quantized.Count("macs"), Is.EqualTo(macs).And.EqualTo(lstm.Count("macs")));
            Assert.That(lstm.Count("flops"), Is.EqualTo(lstmFlops));
            Assert.That(quantized.Count("flops"), Is.EqualTo(lstmFlops + (4 * T * B * I) + (cells * ((4 * H) + (2 * 4 * H)))));
            Assert.That(quantized.Count("params"), Is.EqualTo((D * I * 4 * H) + (D * H * 4 * H) + (D * 8 * H)).And.EqualTo(lstm.Count("params")),
                "int8 W and R and the float bias; not the scales or zero points");
            Assert.That(quantized.Count("unknown_ops"), Is.Zero);
        });
    }

    private static StaticReport Quantized()
    {
        var builder = new Builder().Opset(Contrib, 1);
        var x = builder.Input("x", ElementType.Float, T, B, I);
        var inputs = new[]
        {
            x, builder.Initializer("w", ElementType.Int8, new[] { D, I, 4 * H }), builder.Initializer("r", ElementType.Int8, new[] { D, H, 4 * H }),
            builder.Weight("b", D, 8 * H), "", "", "", "",
            builder.Weight("w_scale", D), builder.Initializer("w_zero", ElementType.Int8, new[] { D }),
            builder.Weight("r_scale", D), builder.Initializer("r_zero", ElementType.Int8, new[] { D }),
        };
        var y = builder.NodeIn(Contrib, "DynamicQuantizeLSTM", inputs, new[] { "y" }, ("hidden_size", H), ("direction", "bidirectional"));
        return builder.Analyze(y);
    }

    private static StaticReport FloatLstm()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, T, B, I);
        var y = builder.Node("LSTM", new[] { x, builder.Weight("w", D, 4 * H, I), builder.Weight("r", D, 4 * H, H), builder.Weight("b", D, 8 * H) },
            new[] { "y" }, ("hidden_size", H), ("direction", "bidirectional"));
        return builder.Analyze(y);
    }
}
