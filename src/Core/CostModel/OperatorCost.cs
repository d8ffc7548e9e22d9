namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// The arithmetic of one node as a cost rule computes it. <see cref="Flops"/> is the node's whole
/// arithmetic: for conv and matmul-like operators <c>2 × Macs</c> plus bias additions.
/// </summary>
public readonly record struct OperatorCost(long Macs, long Flops, OperatorClass Class)
{
    public static OperatorCost View { get; } = new(0, 0, OperatorClass.View);

    /// <summary>A node that moves or computes data but does no counted arithmetic (Transpose, Concat, Gather).</summary>
    public static OperatorCost DataMovement { get; } = new(0, 0, OperatorClass.Compute);

    public static OperatorCost Elementwise(long flops) => new(0, flops, OperatorClass.Compute);

    public static OperatorCost Linear(long macs, long extraFlops = 0) =>
        new(macs, checked((2 * macs) + extraFlops), OperatorClass.Linear);
}
