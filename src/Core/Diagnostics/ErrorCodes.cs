namespace EfficiencyMisnomer.Diagnostics;

/// <summary>Stable diagnostic codes, grouped by area; <c>docs/errors.md</c> explains each one.</summary>
public static class ErrorCodes
{
    // EM10xx: reading an ONNX file.
    public const string ModelFileNotFound = "EM1001";
    public const string ModelFileEmpty = "EM1002";
    public const string ModelNotProtobuf = "EM1003";
    public const string ModelHasNoGraph = "EM1004";
    public const string ModelUnreadable = "EM1005";
    public const string ExternalDataOutsideModelFolder = "EM1010";
    public const string ExternalDataMissing = "EM1011";
    public const string ExternalDataOutOfRange = "EM1012";
    public const string ExternalDataMalformed = "EM1013";

    // EM11xx: graph structure.
    public const string GraphCycle = "EM1101";
    public const string DanglingInput = "EM1102";
    public const string DuplicateOutput = "EM1103";
    public const string InvalidTensor = "EM1104";
    public const string UnsupportedOpset = "EM1105";

    // EM12xx: shapes and bindings.
    public const string InvalidBinding = "EM1201";
    public const string ShapeMismatch = "EM1202";
    public const string DimensionOverflow = "EM1203";
    public const string UnboundSymbolicDim = "EM1204";
    public const string UnknownBindingTarget = "EM1205";
    public const string ShapeNotInferred = "EM1206";
    public const string IterationCountUnknown = "EM1207";

    // EM13xx: cost model.
    public const string UnknownOperator = "EM1301";
    public const string CountOverflow = "EM1302";
    public const string BranchCosted = "EM1303";

    // EM90xx: the command line.
    public const string InvalidArgument = "EM9001";
    public const string InternalError = "EM9999";
}
