using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft Rfft and Irfft, the real Fourier transforms over the last <c>signal_ndim</c> dims of the real
/// side (Rfft's default 1; Irfft's required). Rfft: X (…, n) gives (…, n/2 + 1, 2), real and imaginary parts
/// last. Irfft: X (…, m, 2) gives (…, 2m − 1), the size ONNX Runtime's kernel infers (the documentation only says
/// n for an input of n/2 + 1). With <c>onesided</c> 0 the last signal dim keeps its size.
/// </summary>
internal sealed class ContribFftShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Rfft", "Irfft" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var x = context.RequireShape(0);
        bool inverse = context.Node.OpType == "Irfft";
        long signalDims = inverse
            ? context.Attributes.GetIntOrNull("signal_ndim") ?? throw context.Invalid("signal_ndim is required")
            : context.Attributes.GetInt("signal_ndim", 1);
        int realRank = inverse ? x.Rank - 1 : x.Rank;
        if (signalDims < 1 || signalDims > realRank)
        {
            throw context.Invalid($"signal_ndim {signalDims} is not in [1, {realRank}] for X {x}");
        }

        if (inverse && x[x.Rank - 1].IsKnown && x[x.Rank - 1].Value != 2)
        {
            throw context.Invalid($"X's last dim is {x[x.Rank - 1].Value}, not the 2 parts (real, imaginary)");
        }

        var dims = x.Take(realRank).ToList();
        if (context.Attributes.GetInt("onesided", 1) != 0)
        {
            var last = dims[realRank - 1];
            dims[realRank - 1] = !last.IsKnown ? context.NewDim(context.Node.OpType)
                : inverse ? Dim.Of((2 * last.Value) - 1)
                : Dim.Of((last.Value / 2) + 1);
        }

        if (!inverse)
        {
            dims.Add(Dim.Of(2));
        }

        context.SetOutput(0, type.ElementType, new TensorShape(dims));
    }
}
