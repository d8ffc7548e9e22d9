using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx;

namespace EfficiencyMisnomer.Graph;

/// <summary>
/// A validated ONNX graph: nodes in a topological order, the values they exchange, the initializers,
/// and, for subgraphs, the node that owns it and the outer graph whose values it may read.
/// </summary>
public sealed class OnnxGraph
{
    internal OnnxGraph(string name, OnnxGraph? parent)
    {
        Name = name;
        Parent = parent;
    }

    public string Name { get; }

    /// <summary>The enclosing graph, for If/Loop/Scan bodies; null for the main graph.</summary>
    public OnnxGraph? Parent { get; }

    /// <summary>Nodes in a topological order (every node after the producers of its inputs).</summary>
    public IReadOnlyList<Node> Nodes { get; internal set; } = Array.Empty<Node>();

    /// <summary>Graph inputs that are not initializers: what a caller must feed.</summary>
    public IReadOnlyList<ValueInfo> Inputs { get; internal set; } = Array.Empty<ValueInfo>();

    public IReadOnlyList<ValueInfo> Outputs { get; internal set; } = Array.Empty<ValueInfo>();

    /// <summary>Types the file declares for intermediate values (<c>value_info</c>).</summary>
    public IReadOnlyDictionary<string, ValueInfo> DeclaredTypes { get; internal set; } = new Dictionary<string, ValueInfo>();

    public IReadOnlyDictionary<string, TensorInfo> Initializers { get; internal set; } = new Dictionary<string, TensorInfo>();

    /// <summary>The node producing each value of this graph.</summary>
    public IReadOnlyDictionary<string, Node> Producers { get; internal set; } = new Dictionary<string, Node>();

    /// <summary>Every node of this graph and of its subgraphs, depth first.</summary>
    public IEnumerable<(Node Node, OnnxGraph Graph)> AllNodes()
    {
        foreach (var node in Nodes)
        {
            yield return (node, this);
            foreach (var subgraph in node.Subgraphs.Values)
            {
                foreach (var inner in subgraph.AllNodes())
                {
                    yield return inner;
                }
            }
        }
    }

    public override string ToString() => $"graph '{UserText.Quote(Name)}' ({Nodes.Count} nodes)";
}
