namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// The costs of one run of a node, and how many times it runs per inference: <see cref="Repeats"/> is 1 in
/// the main graph, the product of trip counts and sequence lengths in Loop and Scan bodies, and 0 in the If
/// branch that is not costed. A node adds <c>cost × Repeats</c> to the model's indicators. An If node's
/// <see cref="Branch"/> names the branch costed and why: <c>then_branch (constant condition)</c>, <c>else_branch (costlier)</c>.
/// </summary>
public sealed record NodeCost(
    string Name,
    string OpType,
    string Graph,
    bool Costed,
    OperatorClass Class,
    long Macs,
    long Flops,
    long Activations,
    long ActivationsAll,
    long BytesRead,
    long BytesWritten,
    string OutputShapes,
    long Repeats = 1,
    string? Branch = null)
{
    public long MemoryAccess => checked(BytesRead + BytesWritten);

    /// <summary>The same node inside a construct that runs it <paramref name="times"/> times per run of its own graph.</summary>
    internal NodeCost Times(long times) => this with { Repeats = checked(Repeats * times) };

    /// <summary>One indicator's contribution of this node: the per-run amount times <see cref="Repeats"/>.</summary>
    internal long Total(long perRun) => checked(perRun * Repeats);
}
