namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The random generators, by the arithmetic that shapes their draws (drawing a random number is not counted, as a
/// transcendental function is not): RandomUniform(Like) scales each uniform draw into [low, high)
/// (<c>low + (high − low) · u</c>) and RandomNormal(Like) each standard normal into (mean, scale), 2 FLOPs per output
/// element; Bernoulli compares each draw with its probability, 1 FLOP per element; Multinomial exponentiates and sums
/// each row's C class scores into a cumulative distribution (2 FLOPs per class) and finds each sample in it by
/// bisection (<c>⌈log2 C⌉</c> comparisons per sample).
/// </summary>
internal sealed class RandomCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RandomUniform", "RandomUniformLike", "RandomNormal", "RandomNormalLike", "Bernoulli", "Multinomial" };

    public OperatorCost Cost(CostContext context)
    {
        switch (context.Node.OpType)
        {
            case "Bernoulli":
                return OperatorCost.Elementwise(context.OutputElements(0));
            case "Multinomial":
                var input = context.InputDims(0);
                var classes = input.Length > 0 ? input[^1] : 1;
                var rows = input.Length > 1 ? input[0] : 1;
                var samples = context.Attributes.GetInt("sample_size", 1);
                return OperatorCost.Elementwise(checked((rows * 2 * classes) + (rows * samples * DimArithmetic.Log2Ceiling(classes))));
            default:
                return OperatorCost.Elementwise(checked(2 * context.OutputElements(0)));
        }
    }
}
