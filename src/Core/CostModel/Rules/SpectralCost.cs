namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The ONNX Fourier transforms by the radix-2 convention of <see cref="ContribFftCost"/>: a complex transform of N
/// points is <c>5 · N · ⌈log2 N⌉</c> FLOPs, a transform of real data half of that. DFT transforms every line of its
/// input along the axis, N being <c>dft_length</c> (the axis's size when absent). STFT transforms every frame of every
/// signal, N being the frame length, and multiplies each frame by its window first (N FLOPs). A runtime may use a
/// slower algorithm for lengths that are not powers of two (ONNX Runtime's CPU kernel then sums directly, N² complex
/// products): the indicator counts the transform's work by the fast algorithm, as for every other operator.
/// </summary>
internal sealed class SpectralCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DFT", "STFT" };

    public OperatorCost Cost(CostContext context)
    {
        var input = context.InputDims(0);
        var real = input[^1] == 1;
        if (context.Node.OpType == "STFT")
        {
            var output = context.OutputDims(0);
            var frameLength = context.InputValue(3) is { Length: 1 } frame ? frame.IntegerAt(0)
                : context.HasInput(2) ? context.InputDims(2)[0]
                : 0;
            var transforms = checked(output[0] * output[1]);
            var window = context.HasInput(2) ? frameLength : 0;
            return OperatorCost.Elementwise(checked(transforms * (window + Transform(frameLength, real))));
        }

        var rank = input.Length;
        var declared = context.Opset >= 20 ? context.InputValue(2) is { Length: 1 } given ? given.IntegerAt(0) : -2 : context.Attributes.GetInt("axis", 1);
        var axis = (int)(declared < 0 ? declared + rank : declared);
        var points = context.InputValue(1) is { Length: 1 } length ? length.IntegerAt(0) : input[axis];
        var lines = DimArithmetic.Product(input.Where((_, i) => i != axis && i != rank - 1).ToArray());
        return OperatorCost.Elementwise(checked(lines * Transform(points, real)));
    }

    /// <summary>The FLOPs of one transform of <paramref name="points"/> points.</summary>
    private static long Transform(long points, bool real)
    {
        var complex = checked(5 * points * DimArithmetic.Log2Ceiling(points));
        return real ? complex / 2 : complex;
    }
}
