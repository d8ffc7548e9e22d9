using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes;

/// <summary>What a shape rule sees of one node: its inputs' types and known values, attributes, opset.</summary>
public sealed class ShapeContext
{
    private readonly ShapeInference engine;
    private readonly SourceLocation location;

    internal ShapeContext(ShapeInference engine, Node node, long opset, SourceLocation location)
    {
        this.engine = engine;
        Node = node;
        Opset = opset;
        this.location = location;
    }

    public Node Node { get; }

    /// <summary>The opset version of the node's domain imported by the model.</summary>
    public long Opset { get; }

    public NodeAttributes Attributes => Node.Attributes;

    public int InputCount => Node.Inputs.Count;

    public int OutputCount => Node.Outputs.Count;

    public bool HasInput(int index) => Node.HasInput(index);

    /// <summary>The input's type, or null when the input is absent or its type unknown.</summary>
    public TensorType? InputType(int index) => HasInput(index) ? engine.TypeOf(Node.Inputs[index]) : null;

    /// <summary>The input's type; a rule that cannot go on without it gives up on this node.</summary>
    public TensorType RequireType(int index) =>
        InputType(index) ?? throw new ShapeInferenceException($"the type of input {index} ('{UserText.Quote(InputName(index))}') is unknown");

    /// <summary>The input's shape; a rule that cannot go on without it gives up on this node.</summary>
    public TensorShape RequireShape(int index) =>
        RequireType(index).Shape ?? throw new ShapeInferenceException($"the rank of input {index} ('{UserText.Quote(InputName(index))}') is unknown");

    /// <summary>The input's values when they are known before run time (constants and shape arithmetic).</summary>
    public TensorValue? InputValue(int index) => HasInput(index) ? engine.ValueOf(Node.Inputs[index]) : null;

    /// <summary>The input's values; a rule that needs them to size its output gives up on this node without them.</summary>
    public TensorValue RequireValue(int index) =>
        InputValue(index) ?? throw new ShapeInferenceException($"input {index} ('{UserText.Quote(InputName(index))}') is computed at run time and its value is unknown");

    public void SetOutput(int index, TensorType type, TensorValue? value = null)
    {
        if (type.Shape is { Rank: > TensorShape.MaxRank } shape)
        {
            throw new EfficiencyException(ErrorCodes.TooManyDims,
                $"node '{UserText.Quote(Node.Name)}' ({UserText.Quote(Node.OpType)}) gives output {index} {shape.Rank} dims; the engine takes at most {TensorShape.MaxRank}.",
                location);
        }

        if (index < Node.Outputs.Count && Node.Outputs[index].Length > 0)
        {
            engine.Record(Node.Outputs[index], type, value);
        }
    }

    public void SetOutput(int index, ElementType elementType, TensorShape shape, TensorValue? value = null) =>
        SetOutput(index, new TensorType(elementType, shape), value);

    /// <summary>
    /// Infers a graph attribute of the node (an If branch, a Loop or Scan body) with its inputs typed by the
    /// caller (null: the type the body declares), and returns the type and known value of each body output.
    /// </summary>
    internal IReadOnlyList<SubgraphOutput> InferSubgraph(string attribute, IReadOnlyList<TensorType?> inputTypes)
    {
        var graph = Subgraph(attribute);
        engine.InferSubgraph(graph, inputTypes);
        return graph.Outputs.Select(o => new SubgraphOutput(o.Name, engine.TypeOf(o.Name) ?? o.Type, engine.ValueOf(o.Name))).ToList();
    }

    /// <summary>
    /// An INT attribute holding an ONNX data type (<c>dtype</c>, <c>to</c>, <c>stash_type</c>), or <paramref name="absent"/>
    /// when the node has none; a number that names no type contradicts the operator (never truncated to one that does).
    /// </summary>
    public ElementType DataType(string attribute, ElementType absent)
    {
        if (Attributes.GetIntOrNull(attribute) is not { } number)
        {
            return absent;
        }

        var type = number is > 0 and <= int.MaxValue ? ElementTypes.FromOnnx((int)number) : ElementType.Undefined;
        return type != ElementType.Undefined ? type : throw Invalid($"{attribute} {number} is not an ONNX data type");
    }

    /// <summary>Leaves a graph attribute out of inference and costing (an If branch that never runs or cannot be typed).</summary>
    internal void SkipSubgraph(string attribute) => engine.Skip(Subgraph(attribute));

    /// <summary>The model being inferred.</summary>
    internal OnnxModel Model => engine.Model;

    /// <summary>The type inferred so far for any value of the model.</summary>
    internal TensorType? TypeOf(string name) => engine.TypeOf(name);

    /// <summary>Reports a warning of <paramref name="code"/> at the node.</summary>
    internal void Warn(string code, string message) => engine.Warn(Diagnostic.Warning(code, message, location));

    /// <summary>A graph attribute of the node; its absence contradicts the operator.</summary>
    internal OnnxGraph Subgraph(string attribute) =>
        Node.Subgraphs.TryGetValue(attribute, out var graph) ? graph : throw Invalid($"the graph attribute '{attribute}' is missing");

    /// <summary>A fresh unknown dimension for a size only known at run time (NonZero, TopK with a computed k).</summary>
    public Dim NewDim(string hint) => engine.NewSymbol($"{Node.Name}:{hint}");

    public void Warn(string message) =>
        engine.Warn(Diagnostic.Warning(ErrorCodes.ShapeNotInferred, message, location));

    /// <summary>An error for inputs that contradict the operator's definition (mismatched dims, bad axes).</summary>
    public EfficiencyException Invalid(string message) =>
        new(ErrorCodes.ShapeMismatch, $"node '{UserText.Quote(Node.Name)}' ({UserText.Quote(Node.OpType)}): {message}", location);

    private string InputName(int index) => index < Node.Inputs.Count ? Node.Inputs[index] : "";
}
