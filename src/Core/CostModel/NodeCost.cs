namespace EfficiencyMisnomer.CostModel;

/// <summary>The costs of one node, as they add up to the model's indicators.</summary>
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
    string OutputShapes)
{
    public long MemoryAccess => checked(BytesRead + BytesWritten);
}
