using EfficiencyMisnomer.Diagnostics;
namespace EfficiencyMisnomer.Graph;

/// <summary>One operator application in a graph.</summary>
public sealed class Node
{
    internal Node(int index, string name, string opType, string domain, string[] inputs, string[] outputs,
        NodeAttributes attributes, IReadOnlyDictionary<string, OnnxGraph> subgraphs)
    {
        Index = index;
        Name = name;
        OpType = opType;
        Domain = domain;
        Inputs = inputs;
        Outputs = outputs;
        Attributes = attributes;
        Subgraphs = subgraphs;
    }

    /// <summary>Position in the graph's node list as stored in the file.</summary>
    public int Index { get; }

    /// <summary>The node's name, or <c>OpType_index</c> when the file gives none.</summary>
    public string Name { get; }

    public string OpType { get; }

    /// <summary>The operator domain; the default ONNX domain is the empty string.</summary>
    public string Domain { get; }

    /// <summary>Input value names; an absent optional input is the empty string.</summary>
    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    public NodeAttributes Attributes { get; }

    /// <summary>Graph-valued attributes (If branches, Loop and Scan bodies), by attribute name.</summary>
    public IReadOnlyDictionary<string, OnnxGraph> Subgraphs { get; }

    /// <summary>Whether the operator is from the default ONNX domain (written as the empty string or <c>ai.onnx</c>).</summary>
    public bool IsDefaultDomain => Domain.Length == 0 || Domain == "ai.onnx";

    /// <summary>The operator as users name it: <c>Conv</c>, or <c>com.microsoft.Attention</c> outside the default domain.</summary>
    public string QualifiedOpType => IsDefaultDomain ? OpType : $"{Domain}.{OpType}";

    public bool HasInput(int index) => index < Inputs.Count && Inputs[index].Length > 0;

    public override string ToString() => $"{UserText.Quote(QualifiedOpType)} '{UserText.Quote(Name)}'";
}
