// The library product is PhotoCheckCore: the pipeline and `fix` here, the layers below it
// re-exported, so `import PhotoCheckCore` gives a client (the command, the server, another
// package) the whole public API, as before the layers were split into targets.
@_exported import PhotoCheckAnalysis
@_exported import PhotoCheckDecoding
@_exported import PhotoCheckImage
@_exported import PhotoCheckModel
@_exported import PhotoCheckReporting
@_exported import PhotoCheckRules
