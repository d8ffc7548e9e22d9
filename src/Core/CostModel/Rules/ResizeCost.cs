namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Resize and Upsample, per output element, by interpolation mode: nearest copies (0); linear weighs
/// 2^d neighbours and cubic 4^d, one FLOP per neighbour, where d is the number of dims whose size
/// changes (bilinear 4, bicubic 16).
/// </summary>
internal sealed class ResizeCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Resize", "Upsample" };

    public OperatorCost Cost(CostContext context)
    {
        var mode = context.Attributes.GetString("mode", "nearest");
        var neighboursPerDim = mode switch
        {
            "linear" or "bilinear" => 2,
            "cubic" => 4,
            _ => 0,
        };
        if (neighboursPerDim == 0)
        {
            return OperatorCost.DataMovement;
        }

        var input = context.InputDims(0);
        var output = context.OutputDims(0);
        var resized = input.Length == output.Length ? input.Where((size, i) => size != output[i]).Count() : 0;
        return OperatorCost.Elementwise(Interpolation(neighboursPerDim, resized, context.OutputElements(0)));
    }

    /// <summary>One FLOP per neighbour weighed: <paramref name="neighboursPerDim"/>^<paramref name="dims"/> per output element.</summary>
    internal static long Interpolation(int neighboursPerDim, int dims, long outputs)
    {
        var perOutput = 1L;
        for (int i = 0; i < dims; i++)
        {
            perOutput = checked(perOutput * neighboursPerDim);
        }

        return checked(perOutput * outputs);
    }
}
