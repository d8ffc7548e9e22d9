namespace EfficiencyMisnomer.Operators;

/// <summary>A rule about a family of operators, looked up by domain and operator type.</summary>
public interface IOperatorRule
{
    /// <summary>The operator domain: empty for the default ONNX domain, <c>com.microsoft</c>, ...</summary>
    string Domain => string.Empty;

    /// <summary>The operator types this rule handles.</summary>
    IReadOnlyCollection<string> OpTypes { get; }
}
