namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// Training estimates from the inference graph (see docs/indicators.md):
/// <c>training_flops = 3 × flops</c> (the backward pass costs about twice the forward one), and
/// <c>training_memory = weights + gradients + optimizer state + stored activations</c>, where weights,
/// gradients and each optimizer state copy take the parameters' bytes, and stored activations are the
/// bytes written by every non-view node of the forward pass (kept for the backward pass).
/// </summary>
public static class TrainingCost
{
    public const int BackwardFactor = 3;

    public static long Flops(long forwardFlops) => checked(BackwardFactor * forwardFlops);

    public static long Memory(long parameterBytes, long storedActivationBytes, Optimizer optimizer) =>
        checked((parameterBytes * (2 + optimizer.StateCopies())) + storedActivationBytes);

    /// <summary>Bytes the backward pass needs kept: every output written by a non-view node, at every run of a loop body.</summary>
    public static long StoredActivationBytes(IEnumerable<NodeCost> nodes) =>
        nodes.Where(n => n.Class != OperatorClass.View).Aggregate(0L, (sum, n) => checked(sum + n.Total(n.BytesWritten)));
}
