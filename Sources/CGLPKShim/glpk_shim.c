#include "glpk_shim.h"

#include <glpk.h>
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define INT_MAX_MS 2000000000

// ---------------------------------------------------------------------------
// Fatal-error trap. GLPK's environment is thread-local (Debian builds it with
// TLS), so the jump buffer and the captured terminal text are too.

typedef struct ss_guard {
    jmp_buf jump;
    char tail[512];        // last terminal output, kept for the error message
    int echo;              // forward GLPK's terminal output to stderr
} ss_guard;

static void on_fatal(void *info) {
    ss_guard *guard = (ss_guard *)info;
    longjmp(guard->jump, 1);
}

static int on_terminal(void *info, const char *text) {
    ss_guard *guard = (ss_guard *)info;
    const size_t cap = sizeof guard->tail - 1;
    size_t have = strlen(guard->tail), add = strlen(text);
    if (add >= cap) {                 // keep only the newest text
        text += add - cap;
        add = cap;
        have = 0;
    } else if (have + add > cap) {    // drop the oldest text
        size_t drop = have + add - cap;
        memmove(guard->tail, guard->tail + drop, have - drop);
        have -= drop;
    }
    memcpy(guard->tail + have, text, add);
    guard->tail[have + add] = 0;
    if (guard->echo) fputs(text, stderr);
    return 1; // handled: GLPK prints nothing itself
}

static void install_guard(ss_guard *guard, int echo) {
    guard->tail[0] = 0;
    guard->echo = echo;
    glp_term_hook(on_terminal, guard);
    glp_error_hook(on_fatal, guard);
}

static void remove_guard(void) {
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
}

static void fill_fatal(ss_result *result, const ss_guard *guard) {
    result->status = SS_FATAL;
    result->has_solution = 0;
    snprintf(result->message, sizeof result->message, "%s", guard->tail[0] ? guard->tail : "GLPK fatal error");
}

// ---------------------------------------------------------------------------
// Search callback: incumbent injection, bound tracking, cancellation, and the
// stop on a proven bound when the objective is integral.

typedef struct ss_search {
    const ss_options *options;
    ss_result *result;
    int offered;
    double *incumbent_1based;    // GLPK wants x[1..n]
    double best_bound;
    int has_bound;
    double incumbent;
    int has_incumbent;
    int proven_by_bound;
    const int *branch_priority;  // NULL when GLPK's presolver renumbers columns
    double deadline;             // now_seconds() past which the search stops; 0: none
} ss_search;

static double now_seconds(void);

static void note_bound(ss_search *search, glp_tree *tree) {
    int best = glp_ios_best_node(tree);
    if (best == 0) return;
    double bound = glp_ios_node_bound(tree, best);
    if (!isfinite(bound) || fabs(bound) >= 0.5 * DBL_MAX) return;
    if (!search->has_bound || bound > search->best_bound) {
        search->best_bound = bound;
        search->has_bound = 1;
    }
}

static void callback(glp_tree *tree, void *info) {
    ss_search *search = (ss_search *)info;
    const ss_options *options = search->options;
    switch (glp_ios_reason(tree)) {
    case GLP_IHEUR:
        if (!search->offered && search->incumbent_1based != NULL) {
            search->offered = 1;
            if (glp_ios_heur_sol(tree, search->incumbent_1based) == 0) {
                search->result->incumbent_accepted = 1;
            }
        }
        break;
    case GLP_ISELECT:
        search->result->nodes += 1;
        break;
    case GLP_IBRANCH:
        if (search->branch_priority != NULL) {
            glp_prob *lp = glp_ios_get_prob(tree);
            int n = glp_get_num_cols(lp), chosen = 0, best_priority = 0;
            double best_distance = 1.0;
            for (int j = 1; j <= n; j++) {
                if (!glp_ios_can_branch(tree, j)) continue;
                int priority = search->branch_priority[j - 1];
                double value = glp_get_col_prim(lp, j);
                double distance = fabs(value - floor(value) - 0.5);
                if (chosen == 0 || priority > best_priority ||
                    (priority == best_priority && distance < best_distance)) {
                    chosen = j;
                    best_priority = priority;
                    best_distance = distance;
                }
            }
            if (chosen != 0) glp_ios_branch_upon(tree, chosen, GLP_NO_BRNCH);
        }
        break;
    default:
        break;
    }
    note_bound(search, tree);
    glp_prob *problem = glp_ios_get_prob(tree);
    if (glp_mip_status(problem) == GLP_FEAS || glp_mip_status(problem) == GLP_OPT) {
        double value = glp_mip_obj_val(problem);
        if (!search->has_incumbent || value < search->incumbent) {
            search->incumbent = value;
            search->has_incumbent = 1;
        }
    }
    if (options->integral_objective && search->has_incumbent && search->has_bound &&
        ceil(search->best_bound - 1e-6) >= search->incumbent - 1e-6) {
        search->proven_by_bound = 1;
        glp_ios_terminate(tree);
        return;
    }
    if (options->cancel != NULL && *options->cancel) {
        glp_ios_terminate(tree);
    }
    // GLPK checks tm_lim between nodes only; cut rounds and heuristics at a
    // large root can run well past it, so every callback checks too.
    if (search->deadline > 0 && now_seconds() > search->deadline) {
        glp_ios_terminate(tree);
    }
}

// ---------------------------------------------------------------------------

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int time_left_ms(const ss_options *options, double started) {
    if (options->time_limit_seconds <= 0) return INT_MAX_MS;
    double left = options->time_limit_seconds - (now_seconds() - started);
    if (left <= 0.001) return 1;
    double ms = left * 1000.0;
    return ms >= (double)INT_MAX_MS ? INT_MAX_MS : (int)ms;
}

// GLPK's bound type for [lo, up], where an infinite side means "no bound".
static int bound_type(double lo, double up) {
    if (isinf(lo) && isinf(up)) return GLP_FR;
    if (isinf(up)) return GLP_LO;
    if (isinf(lo)) return GLP_UP;
    return lo == up ? GLP_FX : GLP_DB;
}

static glp_prob *build_problem(const ss_model *model) {
    glp_prob *problem = glp_create_prob();
    glp_set_obj_dir(problem, GLP_MIN);
    glp_set_obj_coef(problem, 0, model->objective_constant);
    if (model->num_cols > 0) glp_add_cols(problem, model->num_cols);
    if (model->num_rows > 0) glp_add_rows(problem, model->num_rows);
    for (int j = 0; j < model->num_cols; j++) {
        double lo = model->col_lower[j], up = model->col_upper[j];
        int type = bound_type(lo, up);
        glp_set_col_bnds(problem, j + 1, type, isinf(lo) ? 0.0 : lo, isinf(up) ? 0.0 : up);
        if (model->col_kind[j] == SS_BINARY) {
            glp_set_col_kind(problem, j + 1, GLP_IV);
            // keep a fixed binary fixed: glp_set_col_kind(GLP_BV) would reset its bounds
            if (type != GLP_FX) glp_set_col_bnds(problem, j + 1, GLP_DB, 0.0, 1.0);
        } else if (model->col_kind[j] == SS_INTEGER) {
            glp_set_col_kind(problem, j + 1, GLP_IV);
        }
        glp_set_obj_coef(problem, j + 1, model->objective[j]);
    }
    int max_len = 0;
    for (int i = 0; i < model->num_rows; i++) {
        int len = model->row_start[i + 1] - model->row_start[i];
        if (len > max_len) max_len = len;
    }
    int *index = malloc(sizeof(int) * (size_t)(max_len + 1));
    double *value = malloc(sizeof(double) * (size_t)(max_len + 1));
    for (int i = 0; i < model->num_rows; i++) {
        double lo = model->row_lower[i], up = model->row_upper[i];
        int type = bound_type(lo, up);
        glp_set_row_bnds(problem, i + 1, type, isinf(lo) ? 0.0 : lo, isinf(up) ? 0.0 : up);
        int len = 0;
        for (int k = model->row_start[i]; k < model->row_start[i + 1]; k++) {
            len++;
            index[len] = model->entry_col[k] + 1;
            value[len] = model->entry_value[k];
        }
        glp_set_mat_row(problem, i + 1, len, index, value);
    }
    free(index);
    free(value);
    return problem;
}

int ss_solve(const ss_model *model, const ss_options *options, ss_result *result) {
    ss_guard guard;
    double started = now_seconds();
    result->status = SS_FAILED;
    result->glpk_code = 0;
    result->has_solution = 0;
    result->has_bound = 0;
    result->objective = 0;
    result->bound = 0;
    result->nodes = 0;
    result->incumbent_accepted = 0;
    result->message[0] = 0;

    install_guard(&guard, options->message_level > GLP_MSG_OFF);
    if (setjmp(guard.jump) != 0) {
        // GLPK's state is undefined after a fatal error: free the whole
        // environment of this thread, which frees the problem too.
        remove_guard();
        fill_fatal(result, &guard);
        glp_free_env();
        return result->status;
    }

    glp_prob *volatile problem = build_problem(model);
    int use_presolve = options->presolve && options->incumbent == NULL;

    if (!use_presolve) {
        // Without the MIP presolver glp_intopt needs an optimal LP basis.
        glp_smcp lp;
        glp_init_smcp(&lp);
        lp.msg_lev = options->message_level;
        lp.tm_lim = time_left_ms(options, started);
        int code = glp_simplex(problem, &lp);
        result->glpk_code = code;
        int lp_status = glp_get_status(problem);
        if (code == GLP_ETMLIM) {
            result->status = SS_NO_SOLUTION;
            goto done;
        }
        if (code != 0) {
            result->status = SS_FAILED;
            snprintf(result->message, sizeof result->message, "LP relaxation failed (GLPK code %d)", code);
            goto done;
        }
        if (lp_status == GLP_NOFEAS || lp_status == GLP_INFEAS) {
            result->status = SS_INFEASIBLE;
            goto done;
        }
        if (lp_status == GLP_UNBND) {
            result->status = SS_UNBOUNDED;
            goto done;
        }
        if (lp_status != GLP_OPT) {
            result->status = SS_FAILED;
            snprintf(result->message, sizeof result->message, "LP relaxation not solved (status %d)", lp_status);
            goto done;
        }
    }

    ss_search search;
    memset(&search, 0, sizeof search);
    search.options = options;
    search.result = result;
    search.deadline = options->time_limit_seconds > 0 ? started + options->time_limit_seconds : 0;
    search.branch_priority = use_presolve ? NULL : options->branch_priority;
    if (options->incumbent != NULL) {
        search.incumbent_1based = glp_alloc(model->num_cols + 1, sizeof(double));
        search.incumbent_1based[0] = 0.0;
        memcpy(search.incumbent_1based + 1, options->incumbent, sizeof(double) * (size_t)model->num_cols);
    }

    glp_iocp mip;
    glp_init_iocp(&mip);
    mip.msg_lev = options->message_level;
    mip.presolve = use_presolve ? GLP_ON : GLP_OFF;
    mip.gmi_cuts = options->gomory_cuts ? GLP_ON : GLP_OFF;
    mip.mir_cuts = options->mir_cuts ? GLP_ON : GLP_OFF;
    mip.cov_cuts = options->cover_cuts ? GLP_ON : GLP_OFF;
    mip.clq_cuts = options->clique_cuts ? GLP_ON : GLP_OFF;
    mip.fp_heur = options->feasibility_pump ? GLP_ON : GLP_OFF;
    mip.ps_heur = options->proximity_search ? GLP_ON : GLP_OFF;
    mip.br_tech = options->branching;
    mip.bt_tech = options->backtracking;
    mip.mip_gap = options->mip_gap;
    mip.tm_lim = time_left_ms(options, started);
    mip.cb_func = callback;
    mip.cb_info = &search;

    int code = glp_intopt(problem, &mip);
    if (search.incumbent_1based != NULL) glp_free(search.incumbent_1based);
    result->glpk_code = code;
    int mip_status = glp_mip_status(problem);
    int has_solution = mip_status == GLP_OPT || mip_status == GLP_FEAS;

    if (has_solution) {
        result->has_solution = 1;
        result->objective = glp_mip_obj_val(problem);
        for (int j = 0; j < model->num_cols; j++) {
            result->values[j] = glp_mip_col_val(problem, j + 1);
        }
    }

    if (code == 0 && mip_status == GLP_OPT) {
        result->status = SS_OPTIMAL;
    } else if ((code == 0 && mip_status == GLP_NOFEAS) || code == GLP_ENOPFS) {
        result->status = SS_INFEASIBLE;
    } else if (code == GLP_ENODFS) {
        result->status = SS_UNBOUNDED;
    } else if (code == GLP_ESTOP && search.proven_by_bound && has_solution) {
        result->status = SS_OPTIMAL;
    } else if (code == GLP_ETMLIM || code == GLP_EMIPGAP || code == GLP_ESTOP) {
        result->status = has_solution ? SS_FEASIBLE : SS_NO_SOLUTION;
    } else {
        result->status = has_solution ? SS_FEASIBLE : SS_FAILED;
        snprintf(result->message, sizeof result->message, "GLPK MIP solver returned code %d", code);
    }

    if (result->status == SS_OPTIMAL) {
        result->has_bound = 1;
        result->bound = result->objective;
        if (search.proven_by_bound && search.best_bound < result->bound) result->bound = search.best_bound;
    } else if (search.has_bound) {
        result->has_bound = 1;
        result->bound = search.best_bound;
    }

done:
    glp_delete_prob(problem);
    remove_guard();
    return result->status;
}

// ---------------------------------------------------------------------------
// LP by pricing (column generation over a known, explicit column set).

typedef struct ss_columns {
    int *start;      // num_cols + 1
    int *row;        // 1-based rows, for glp_set_mat_col
    double *value;
} ss_columns;

static void build_columns(const ss_model *model, ss_columns *cols) {
    int n = model->num_cols, nnz = model->row_start[model->num_rows];
    cols->start = calloc((size_t)n + 2, sizeof(int));
    cols->row = malloc(sizeof(int) * (size_t)(nnz + 1));
    cols->value = malloc(sizeof(double) * (size_t)(nnz + 1));
    for (int k = 0; k < nnz; k++) cols->start[model->entry_col[k] + 1]++;
    for (int j = 0; j < n; j++) cols->start[j + 1] += cols->start[j];
    int *fill = malloc(sizeof(int) * (size_t)(n + 1));
    memcpy(fill, cols->start, sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i < model->num_rows; i++) {
        for (int k = model->row_start[i]; k < model->row_start[i + 1]; k++) {
            int at = fill[model->entry_col[k]]++;
            cols->row[at] = i + 1;
            cols->value[at] = model->entry_value[k];
        }
    }
    free(fill);
}

static void free_columns(ss_columns *cols) {
    free(cols->start);
    free(cols->row);
    free(cols->value);
}

// Adds model column j to the problem as its next (continuous) column.
static void add_column(glp_prob *problem, const ss_model *model, const ss_columns *cols, int j) {
    int c = glp_add_cols(problem, 1);
    double lo = model->col_lower[j], up = model->col_upper[j];
    if (model->col_kind[j] == SS_BINARY) { lo = lo > 0 ? lo : 0; up = up < 1 ? up : 1; }
    int type = bound_type(lo, up);
    glp_set_col_bnds(problem, c, type, isinf(lo) ? 0.0 : lo, isinf(up) ? 0.0 : up);
    glp_set_obj_coef(problem, c, model->objective[j]);
    int from = cols->start[j], len = cols->start[j + 1] - from;
    // glp_set_mat_col reads entries 1..len
    glp_set_mat_col(problem, c, len, cols->row + from - 1, cols->value + from - 1);
}

typedef struct ss_candidate { double reduced; int col; } ss_candidate;

static int by_reduced(const void *a, const void *b) {
    const ss_candidate *x = a, *y = b;
    if (x->reduced < y->reduced) return -1;
    if (x->reduced > y->reduced) return 1;
    return x->col - y->col;
}

int ss_price_lp(const ss_model *model, const ss_options *options, unsigned char *active,
                double *reduced, int per_round, ss_result *result) {
    ss_guard guard;
    double started = now_seconds();
    result->status = SS_FAILED;
    result->has_solution = 0;
    result->has_bound = 0;
    result->message[0] = 0;
    int n = model->num_cols;
    ss_columns cols;
    build_columns(model, &cols);
    int *glpk_to_model = malloc(sizeof(int) * (size_t)(n + 1));
    ss_candidate *candidates = malloc(sizeof(ss_candidate) * (size_t)(n + 1));
    double *duals = malloc(sizeof(double) * (size_t)(model->num_rows + 1));

    install_guard(&guard, options->message_level > GLP_MSG_OFF);
    if (setjmp(guard.jump) != 0) {
        remove_guard();
        fill_fatal(result, &guard);
        glp_free_env();
        free_columns(&cols);
        free(glpk_to_model); free(candidates); free(duals);
        return result->status;
    }

    glp_prob *volatile problem = glp_create_prob();
    glp_set_obj_dir(problem, GLP_MIN);
    glp_set_obj_coef(problem, 0, model->objective_constant);
    if (model->num_rows > 0) glp_add_rows(problem, model->num_rows);
    for (int i = 0; i < model->num_rows; i++) {
        double lo = model->row_lower[i], up = model->row_upper[i];
        glp_set_row_bnds(problem, i + 1, bound_type(lo, up), isinf(lo) ? 0.0 : lo, isinf(up) ? 0.0 : up);
    }
    int count = 0;
    for (int j = 0; j < n; j++) {
        if (active[j]) { add_column(problem, model, &cols, j); glpk_to_model[++count] = j; }
    }

    glp_smcp lp;
    glp_init_smcp(&lp);
    lp.msg_lev = GLP_MSG_OFF;
    lp.meth = GLP_PRIMAL;
    for (;;) {
        lp.tm_lim = time_left_ms(options, started);
        if (count == 0) {
            // GLPK needs a column; with none, the LP is its constant.
            result->status = SS_FAILED;
            snprintf(result->message, sizeof result->message, "no active column");
            goto done;
        }
        int code = glp_simplex(problem, &lp);
        if (code == GLP_ETMLIM) { result->status = SS_NO_SOLUTION; goto done; }
        int status = glp_get_status(problem);
        if (code != 0 || status != GLP_OPT) {
            result->status = (status == GLP_NOFEAS) ? SS_INFEASIBLE : SS_FAILED;
            snprintf(result->message, sizeof result->message, "priced LP not solved (code %d, status %d)", code, status);
            goto done;
        }
        for (int i = 0; i < model->num_rows; i++) duals[i] = glp_get_row_dual(problem, i + 1);
        int entering = 0;
        for (int j = 0; j < n; j++) {
            double d = model->objective[j];
            for (int k = cols.start[j]; k < cols.start[j + 1]; k++) d -= duals[cols.row[k] - 1] * cols.value[k];
            reduced[j] = d;
            if (!active[j] && d < -1e-6) { candidates[entering].reduced = d; candidates[entering].col = j; entering++; }
        }
        if (entering == 0) break;
        qsort(candidates, (size_t)entering, sizeof(ss_candidate), by_reduced);
        int take = per_round;
        if (take > entering) take = entering;
        for (int k = 0; k < take; k++) {
            int j = candidates[k].col;
            active[j] = 1;
            add_column(problem, model, &cols, j);
            glpk_to_model[++count] = j;
        }
    }
    result->status = SS_OPTIMAL;
    result->has_solution = 1;
    result->objective = glp_get_obj_val(problem);
    result->has_bound = 1;
    result->bound = result->objective;
    for (int j = 0; j < n; j++) result->values[j] = 0.0;
    for (int c = 1; c <= count; c++) result->values[glpk_to_model[c]] = glp_get_col_prim(problem, c);
    if (result->row_duals != NULL) memcpy(result->row_duals, duals, sizeof(double) * (size_t)model->num_rows);

done:
    glp_delete_prob(problem);
    remove_guard();
    free_columns(&cols);
    free(glpk_to_model); free(candidates); free(duals);
    return result->status;
}

int ss_provoke_fatal_error(ss_result *result) {
    ss_guard guard;
    result->status = SS_FAILED;
    result->message[0] = 0;
    install_guard(&guard, 0);
    if (setjmp(guard.jump) != 0) {
        remove_guard();
        fill_fatal(result, &guard);
        glp_free_env();
        return result->status;
    }
    glp_prob *volatile problem = glp_create_prob();
    glp_add_cols(problem, 1);
    // Column 5 does not exist: GLPK treats this as a fatal error.
    glp_set_col_bnds(problem, 5, GLP_DB, 0.0, 1.0);
    glp_delete_prob(problem);
    remove_guard();
    result->status = SS_OPTIMAL;
    return result->status;
}

const char *ss_glpk_version(void) {
    return glp_version();
}
