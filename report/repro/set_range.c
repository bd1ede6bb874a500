/* The range, relative to m and the page size p (each range value of the
 * suite's table is one line here, as in lib/layout.c; this file keeps the
 * case's): @RANGE_TEXT@. */
static void
set_range(void)
{
@?range=page@	addr = m;           len = p;
@?range=pages@	addr = m + p;       len = 2 * p;
@?range=whole@	addr = m;           len = l.npages * p;
@?range=addr1@	addr = m + 1;       len = p;
@?range=addrhalf@	addr = m + p / 2;   len = p;
@?range=addrpm1@	addr = m + p - 1;   len = p;
@?range=len0@	addr = m;           len = 0;
@?range=len1@	addr = m;           len = 1;
@?range=lenpm1@	addr = m;           len = p - 1;
@?range=lenpp1@	addr = m + p;       len = p + 1;
@?range=tail@	addr = m + 2 * p;   len = 3 * p;
@?range=hole@	addr = m;           len = 4 * p;
@?range=lead@	addr = m - p;       len = 2 * p;
@?range=unmapped@	addr = m + 4 * p;   len = p;
@?range=null@	addr = NULL;        len = p;
@?range=beyond@	addr = (void *)(uintptr_t)(0 - 2 * (uintptr_t)p); len = p;
@?range=wrap@	addr = m;           len = 0 - p;
@?range=lenmax@	addr = m;           len = (size_t)-1;
@?range=twomaps@	addr = m + p;       len = 2 * p;
@?range=addr1unmapped@	addr = m + 4 * p + 1; len = p;
@?range=addr1lead@	addr = m - p + 1;   len = 2 * p;
@?range=addr1null@	addr = (void *)(uintptr_t)1; len = p;
@?range=addr1beyond@	addr = (void *)(uintptr_t)(0 - 4 * (uintptr_t)p + 1); len = p;
@?range=addr1wrap@	addr = m + 1;       len = 0 - 2 * p;
@?range=len0unmapped@	addr = m + 5 * p;   len = 0;
@?range=len0null@	addr = NULL;        len = 0;
@?range=len0beyond@	addr = (void *)(uintptr_t)(0 - 2 * (uintptr_t)p); len = 0;
@?range=len0addr1@	addr = m + 1;       len = 0;
@?range=len0unmapped1@	addr = m + 5 * p + 1; len = 0;
@?range=len0last@	addr = m + 3 * p;   len = 0;
@?range=last2@	addr = m + 2 * p;   len = 2 * p;
}
