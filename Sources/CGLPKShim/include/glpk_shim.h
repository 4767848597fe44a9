// A small C layer between Swift and GLPK.
//
// Why it exists: GLPK calls abort() on a fatal error unless an error hook is
// set, and the only safe way out of that hook is longjmp, which must never
// cross Swift frames. So every GLPK object is created, used and freed inside
// one guarded C call (ss_solve). Swift never holds a glp_prob pointer, and a
// fatal error becomes a status code plus GLPK's own message.
#ifndef GLPK_SHIM_H
#define GLPK_SHIM_H

#ifdef __cplusplus
extern "C" {
#endif

enum ss_col_kind { SS_CONTINUOUS = 0, SS_INTEGER = 1, SS_BINARY = 2 };

enum ss_status {
    SS_OPTIMAL = 0,      // proven optimal (or proven within the integral bound)
    SS_FEASIBLE = 1,     // a solution, not proven optimal (time, gap or stop)
    SS_INFEASIBLE = 2,   // proven that no solution exists
    SS_NO_SOLUTION = 3,  // stopped (time limit or cancel) before any solution
    SS_UNBOUNDED = 4,    // relaxation unbounded
    SS_FATAL = 5,        // GLPK reported a fatal error; the process survived
    SS_FAILED = 6        // GLPK returned an error code (numerical trouble, ...)
};

// Column and row data. Indices are 0-based here; the shim converts to GLPK's
// 1-based arrays. Infinite bounds use +-HUGE_VAL.
typedef struct ss_model {
    int num_cols;
    int num_rows;
    const int *col_kind;
    const double *col_lower;
    const double *col_upper;
    const double *objective;
    double objective_constant;
    const double *row_lower;
    const double *row_upper;
    // Compressed sparse rows: row r owns entries row_start[r] ..< row_start[r+1].
    const int *row_start;
    const int *entry_col;
    const double *entry_value;
} ss_model;

typedef struct ss_options {
    double time_limit_seconds;   // <= 0: no limit
    double mip_gap;              // relative gap at which GLPK stops
    int presolve;                // GLPK's MIP presolver
    int gomory_cuts, mir_cuts, cover_cuts, clique_cuts;
    int feasibility_pump, proximity_search;
    int branching;               // GLP_BR_* value
    int backtracking;            // GLP_BT_* value
    int message_level;           // GLP_MSG_* value; output goes to stderr
    int integral_objective;      // objective is integral for every solution
    const double *incumbent;     // num_cols values, or NULL
    const int *branch_priority;  // num_cols values, or NULL: branch on a
                                 // fractional column of the highest priority
                                 // first (most fractional among equals)
    volatile const int *cancel;  // polled during the search, or NULL
} ss_options;

typedef struct ss_result {
    int status;                  // enum ss_status
    int glpk_code;               // return code of the last GLPK solve routine
    int has_solution;
    double objective;
    double bound;                // best proven lower bound (minimisation)
    int has_bound;
    double *values;              // caller-allocated, num_cols entries
    double *row_duals;           // caller-allocated, num_rows entries, or NULL;
                                 // filled by ss_price_lp
    int nodes;                   // branch-and-bound nodes seen by the callback
    int incumbent_accepted;      // the supplied incumbent was taken by GLPK
    char message[512];           // GLPK's last lines on a fatal error
} ss_result;

// Builds, solves and frees one GLPK problem. Never aborts the process.
// The model is minimised.
int ss_solve(const ss_model *model, const ss_options *options, ss_result *result);

// Solves the LP relaxation by pricing: GLPK sees only the columns flagged in
// `active` (num_cols flags, updated in place); after each simplex solve every
// other column is priced with the row duals and the `per_round` most negative
// are added, warm-starting from the last basis, until
// none is negative. On success (status SS_OPTIMAL) result->objective is the
// LP optimum over the active columns, which is the whole LP's, result->values
// and result->row_duals are filled, and `reduced` (num_cols) holds every
// column's reduced cost.
int ss_price_lp(const ss_model *model, const ss_options *options, unsigned char *active,
                double *reduced, int per_round, ss_result *result);

// Provokes a GLPK fatal error inside the guard (used by tests to prove the
// trap works). Returns SS_FATAL and fills message.
int ss_provoke_fatal_error(ss_result *result);

// GLPK's version string, e.g. "5.0".
const char *ss_glpk_version(void);

#ifdef __cplusplus
}
#endif
#endif
