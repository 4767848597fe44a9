// The umbrella module: one import for the whole engine.
@_exported import MILP
@_exported import ShopBooking
@_exported import ShopDomain
@_exported import ShopImport
@_exported import ShopOperations
@_exported import ShopPlanner
@_exported import ShopReschedule
@_exported import ShopScenarioGenerator
@_exported import ShopVerifier
@_exported import ShopViews
@_exported import ShopWhatIf
