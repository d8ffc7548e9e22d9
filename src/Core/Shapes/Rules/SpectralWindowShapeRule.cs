using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The generators of the ONNX signal operators (opset 17): HannWindow, HammingWindow and BlackmanWindow give a
/// window of <c>size</c> points; MelWeightMatrix gives (dft_length / 2 + 1, num_mel_bins), the matrix that maps a
/// onesided spectrum onto mel bands. Their type is <c>output_datatype</c> (float by default); sizes whose values are
/// not known statically become run-time dims.
/// </summary>
internal sealed class SpectralWindowShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "HannWindow", "HammingWindow", "BlackmanWindow", "MelWeightMatrix" };

    public void Infer(ShapeContext context)
    {
        var type = context.DataType("output_datatype", ElementType.Float);
        if (context.Node.OpType != "MelWeightMatrix")
        {
            context.SetOutput(0, type, new TensorShape(new[] { Size(context, 0, "size") }));
            return;
        }

        var bands = Size(context, 0, "num_mel_bins");
        var dftLength = Spectral.Length(context, 1, "dft_length");
        var bins = dftLength is { } n ? Dim.Of((n / 2) + 1) : context.NewDim("bins");
        context.SetOutput(0, type, new TensorShape(new[] { bins, bands }));
    }

    private static Dim Size(ShapeContext context, int index, string what) =>
        Spectral.Length(context, index, what) is { } size ? Dim.Of(size) : context.NewDim(what);
}
