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
    public const string InvalidAttribute = "EM1106";
    public const string MissingOpsetImport = "EM1107";
    public const string TextNotUtf8 = "EM1108";
    public const string NestingTooDeep = "EM1109";
    public const string TooManyDims = "EM1110";

    // EM12xx: shapes and bindings.
    public const string InvalidBinding = "EM1201";
    public const string ShapeMismatch = "EM1202";
    public const string DimensionOverflow = "EM1203";
    public const string UnboundSymbolicDim = "EM1204";
    public const string UnknownBindingTarget = "EM1205";
    public const string ShapeNotInferred = "EM1206";
    public const string IterationCountUnknown = "EM1207";
    public const string IterationCountAtMost = "EM1208";
    public const string InputValueInvalid = "EM1209";
    public const string BranchNotTyped = "EM1210";

    // EM13xx: cost model.
    public const string UnknownOperator = "EM1301";
    public const string CountOverflow = "EM1302";
    public const string BranchCosted = "EM1303";

    // EM20xx: reading and validating a spec.
    public const string SpecNotFound = "EM2001";
    public const string SpecSyntax = "EM2002";
    public const string SpecEmpty = "EM2003";
    public const string SpecWrongType = "EM2004";
    public const string SpecUnknownKey = "EM2005";
    public const string SpecDuplicateKey = "EM2006";
    public const string SpecDuplicateName = "EM2007";
    public const string SpecMissingKey = "EM2008";
    public const string SpecInvalidValue = "EM2009";
    public const string UnknownIndicator = "EM2010";
    public const string IndicatorInWrongSection = "EM2011";
    public const string BudgetWrongUnit = "EM2012";
    public const string BudgetMinAboveMax = "EM2013";
    public const string BudgetWithoutLimit = "EM2014";
    public const string SpecModelNotFound = "EM2020";

    // EM21xx: budget verdicts.
    public const string BudgetExceeded = "EM2101";
    public const string BudgetWarning = "EM2102";
    public const string ModelNotAnalysable = "EM2103";

    // EM22xx: the MSBuild gate.
    public const string InvalidGateMode = "EM2201";
    public const string TaskIoFailure = "EM2202";

    // EM23xx: BenchmarkDotNet results.
    public const string BenchmarkResultsUnreadable = "EM2301";
    public const string BenchmarkResultsNotFound = "EM2302";
    public const string BenchmarkCasesNotFound = "EM2303";
    public const string BenchmarkIndicatorUnavailable = "EM2304";
    public const string BenchmarkProjectFailed = "EM2305";

    // EM30xx: runtime measurement.
    public const string CudaUnavailable = "EM3001";
    public const string SessionFailed = "EM3002";
    public const string InputNotGenerated = "EM3003";
    public const string MeasurementUnstable = "EM3004";
    public const string NoMatchingProfile = "EM3005";
    public const string UnknownProfile = "EM3006";
    public const string IndicatorUnavailable = "EM3007";
    public const string BatchNotApplied = "EM3008";
    public const string OutputNotPreallocated = "EM3009";
    public const string InferenceStopped = "EM3010";
    public const string OutOfMemory = "EM3011";

    /// <summary>Raised by the CPU runtime package's MSBuild targets (no C# raises it): no ONNX Runtime for the platform built for.</summary>
    public const string OnnxRuntimePlatformMissing = "EM3012";
    public const string InputsFilled = "EM3013";

    // EM31xx: the hardware fingerprint, profiles and readers of the machine.
    public const string GpuUnavailable = "EM3101";
    public const string HardwareProfileSkipped = "EM3102";
    public const string EnergyUnavailable = "EM3103";

    // EM32xx: tests generated from specs (the NUnit adapter).
    public const string SpecPatternMatchesNothing = "EM3201";
    public const string InvalidTestParameter = "EM3202";

    // EM40xx: baselines and regression verdicts.
    public const string BaselineUnreadable = "EM4001";
    public const string BaselineUnwritable = "EM4002";
    public const string BaselineLocked = "EM4003";
    public const string SpecWithoutRegression = "EM4004";
    public const string BaselineRecorded = "EM4005";
    public const string NothingToRecord = "EM4006";
    public const string Regressed = "EM4010";
    public const string Improved = "EM4011";
    public const string NoBaseline = "EM4012";
    public const string BaselineOtherMachine = "EM4013";
    public const string RegressionInconclusive = "EM4014";
    public const string RegressionNotCompared = "EM4015";
    public const string BaselineRecordedBusy = "EM4016";
    public const string RegressionSamplesInvalid = "EM4020";
    public const string RegressionThresholdsInvalid = "EM4021";

    // EM403x: comparisons against a base revision.
    public const string RevisionNotFound = "EM4030";
    public const string NotAGitRepository = "EM4031";
    public const string ShallowCloneWithoutRevision = "EM4032";
    public const string LfsPointerAtBase = "EM4033";
    public const string BaseModelUnreadable = "EM4034";
    public const string GitFailed = "EM4035";
    public const string ModelOutsideRepository = "EM4036";
    public const string ModelUnchanged = "EM4037";
    public const string ModelNew = "EM4038";

    // EM41xx: results documents and reports.
    public const string ResultsUnreadable = "EM4101";
    public const string ReportUnwritable = "EM4102";
    public const string ResultsConflict = "EM4120";
    public const string ResultsUnwritable = "EM4130";

    // EM42xx: the misnomer detector (indicators that disagree).
    public const string IndicatorsDisagree = "EM4201";

    // EM50xx: files, for every reader and writer (docs/errors.md says which files and why).
    public const string InputNotRegularFile = "EM5001";
    public const string InputTooLarge = "EM5002";
    public const string OutputNotReplaceable = "EM5003";
    public const string PathOutsideRoot = "EM5004";

    // EM90xx: the command line.
    public const string InvalidArgument = "EM9001";
    public const string InternalError = "EM9999";
}
