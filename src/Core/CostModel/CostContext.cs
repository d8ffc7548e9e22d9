using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.CostModel;

/// <summary>What a cost rule sees of one node: the inferred types of its inputs and outputs.</summary>
public sealed class CostContext
{
    private readonly InferredTypes types;

    internal CostContext(Node node, long opset, InferredTypes types)
    {
        Node = node;
        Opset = opset;
        this.types = types;
    }

    public Node Node { get; }

    public long Opset { get; }

    public NodeAttributes Attributes => Node.Attributes;

    public bool HasInput(int index) => Node.HasInput(index);

    public TensorType? InputType(int index) => HasInput(index) ? types.TypeOf(Node.Inputs[index]) : null;

    public TensorType? OutputType(int index) =>
        index < Node.Outputs.Count && Node.Outputs[index].Length > 0 ? types.TypeOf(Node.Outputs[index]) : null;

    public TensorValue? InputValue(int index) => HasInput(index) ? types.ValueOf(Node.Inputs[index]) : null;

    /// <summary>The input's shape with unknown dims read as 1 (the engine warns about them once).</summary>
    public long[] InputDims(int index) => Sizes(InputType(index));

    public long[] OutputDims(int index) => Sizes(OutputType(index));

    /// <summary>Elements of an input (0 when absent).</summary>
    public long InputElements(int index) => HasInput(index) ? Product(InputDims(index)) : 0;

    public long OutputElements(int index) =>
        index < Node.Outputs.Count && Node.Outputs[index].Length > 0 ? Product(OutputDims(index)) : 0;

    public static long Product(IEnumerable<long> dims) => dims.Aggregate(1L, (a, b) => checked(a * b));

    private static long[] Sizes(TensorType? type) =>
        type?.Shape?.Select(d => d.IsKnown ? d.Value : 1).ToArray() ?? Array.Empty<long>();
}
