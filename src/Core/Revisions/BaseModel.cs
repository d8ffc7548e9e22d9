namespace EfficiencyMisnomer.Revisions;

/// <summary>How a model of the head stands at the base revision.</summary>
public enum BaseModelStatus
{
    /// <summary>Present on both sides with different bytes: compared.</summary>
    Changed,

    /// <summary>Byte-identical on both sides (model and external data): nothing to compare, nothing measured.</summary>
    Unchanged,

    /// <summary>Absent at the base: new in the head, nothing to compare.</summary>
    New,
}

/// <summary>A head model's counterpart at the base revision.</summary>
/// <param name="Status">Changed, unchanged or new.</param>
/// <param name="Path">The base's model file (extracted into a temporary folder for a git revision); null unless changed.</param>
/// <param name="RelativePath">The model's path inside the repository or checkout, with forward slashes.</param>
public sealed record BaseModel(BaseModelStatus Status, string? Path, string RelativePath);
