namespace EfficiencyMisnomer.Runtime.Isolation;

/// <summary>
/// What one observation of a fresh session found. Each value is null when it could not be read, with the reason in
/// its note; <see cref="ErrorCode"/> is set when the session could not be created or run at all.
/// </summary>
/// <param name="ColdStartMs">Session creation plus the first inference, in milliseconds.</param>
/// <param name="PeakMemoryBytes">Host resident memory the session and its runs added at their peak.</param>
/// <param name="PeakMemoryNote">How the peak was read, or why it could not be.</param>
/// <param name="GpuMemoryBytes">Device memory the session added (CUDA only).</param>
/// <param name="GpuMemoryNote">How device memory was read, or why it could not be.</param>
/// <param name="Isolated">Whether it was observed in a fresh child process (else in the measuring process, after whatever ran there before).</param>
public sealed record SessionObservation(
    double? ColdStartMs,
    double? PeakMemoryBytes,
    string? PeakMemoryNote,
    double? GpuMemoryBytes,
    string? GpuMemoryNote,
    bool Isolated)
{
    /// <summary>How many fresh sessions the values rest on (their medians when more than one).</summary>
    public int Count { get; init; } = 1;

    /// <summary>The diagnostic code of a failed observation (the model's session could not be created or run).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The failure's message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>An observation that failed with a coded error.</summary>
    public static SessionObservation Failed(string code, string message, bool isolated) =>
        new(null, null, null, null, null, isolated) { ErrorCode = code, ErrorMessage = message };
}
