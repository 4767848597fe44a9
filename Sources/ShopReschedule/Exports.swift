// Rescheduling and replanning work on the shop-operations core and hand its
// vocabulary on (the snapshot, clocks, ids, conflicts, alternatives).
@_exported import ShopOperations
