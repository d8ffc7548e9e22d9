using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Files;

/// <summary>
/// What a file is to the tool: how messages name it, the codes of its read and write failures, and the most bytes
/// read of it (a spec or a results document is read whole, so its size is capped before anything is read).
/// </summary>
/// <param name="Name">How messages name it: "spec file", "results file", ...</param>
/// <param name="ReadFailureCode">The code of a missing or unreadable file of this role.</param>
/// <param name="WriteFailureCode">The code of a file of this role that cannot be written.</param>
/// <param name="MaxBytes">The most bytes read of such a file; a larger one is refused (<see cref="ErrorCodes.InputTooLarge"/>).</param>
public sealed record FileRole(string Name, string ReadFailureCode, string WriteFailureCode, long MaxBytes)
{
    private const long MiB = 1024 * 1024;

    /// <summary>The code of a missing file of this role, when it has one of its own (a model's EM1001).</summary>
    public string MissingCode { get; init; } = ReadFailureCode;

    /// <summary>A spec: a few hundred lines at most by hand; generated ones stay far below the cap.</summary>
    public static FileRole Spec { get; } = new("spec file", ErrorCodes.SpecNotFound, ErrorCodes.SpecNotFound, 4 * MiB);

    /// <summary>A results document: up to 2,000 latency samples per measurement, and a merge of many machines.</summary>
    public static FileRole Results { get; } = new("results file", ErrorCodes.ResultsUnreadable, ErrorCodes.ResultsUnwritable, 256 * MiB);

    /// <summary>A baseline: samples rounded to four digits, one entry per profile and machine.</summary>
    public static FileRole Baseline { get; } = new("baseline file", ErrorCodes.BaselineUnreadable, ErrorCodes.BaselineUnwritable, 64 * MiB);

    /// <summary>BenchmarkDotNet's full JSON results: a few kB per case, raw measurements included.</summary>
    public static FileRole BenchmarkResults { get; } = new("BenchmarkDotNet results file", ErrorCodes.BenchmarkResultsUnreadable, ErrorCodes.BenchmarkResultsUnreadable, 64 * MiB);

    /// <summary>A report written by <c>misnomer report</c>, or the CI job summary appended to.</summary>
    public static FileRole Report { get; } = new("report", ErrorCodes.ReportUnwritable, ErrorCodes.ReportUnwritable, 0);

    /// <summary>A file the build gate writes (its report JSON, the list of files it read, its diagnostics to replay), and reads back.</summary>
    public static FileRole BuildOutput { get; } = new("build gate file", ErrorCodes.TaskIoFailure, ErrorCodes.TaskIoFailure, 16 * MiB);

    /// <summary>An ONNX model: memory-mapped by the loader, never read whole; a protobuf message cannot exceed 2 GiB.</summary>
    public static FileRole Model { get; } = new("model file", ErrorCodes.ModelUnreadable, ErrorCodes.ModelUnreadable, int.MaxValue)
    {
        MissingCode = ErrorCodes.ModelFileNotFound,
    };

    /// <summary>A tensor a spec feeds to an input (<c>.npy</c> or an ONNX <c>TensorProto</c>): read whole, so capped.</summary>
    public static FileRole InputData { get; } = new("input data file", ErrorCodes.InputValueInvalid, ErrorCodes.InputValueInvalid, 1024 * MiB);

    /// <summary>An ONNX external data file: streamed, never read whole, so not capped; it may be far larger than 2 GiB.</summary>
    public static FileRole ExternalData { get; } = new("external data file", ErrorCodes.ModelUnreadable, ErrorCodes.ModelUnreadable, long.MaxValue)
    {
        MissingCode = ErrorCodes.ExternalDataMissing,
    };
}
