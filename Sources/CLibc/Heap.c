/*
 * The heap of the release binaries: a small allocator in place of musl's.
 *
 * Why: getent and getconf live for a few hundred microseconds and allocate
 * little. musl's allocator is built for long-lived programs: its first
 * call alone makes five system calls (brk twice, mmap twice, and a munmap
 * later), a large share of a lookup on a system where system calls are
 * costly, and it adds about 8 KB of code to each binary. This one serves
 * small blocks from a .bss area (no system call until 256 KiB is in use),
 * keeps freed blocks on one list per size class for reuse, and maps large
 * blocks on their own. It is not thread-safe: both tools run on one thread,
 * and Embedded Swift starts none.
 *
 * The allocator itself (clibc_heap_*) is compiled into every build, so the
 * unit tests exercise it in a normal (glibc) process. It replaces malloc and
 * friends only where CLIBC_REPLACE_MALLOC is defined: the musl release
 * builds (see the SDK bundles' toolset.json), never the glibc builds, whose
 * sanitizers need their own allocator.
 */
#include "CLibc.h"

/* Every block has a 16-byte header just before it, so that blocks stay
 * 16-byte aligned, as malloc's must be on x86_64 and AArch64. */
struct heap_header {
    size_t capacity;    /* usable bytes from the block's start */
    uint32_t kind;      /* a size class, or HEAP_MAPPED, or HEAP_ALIGNED */
    uint32_t offset;    /* HEAP_ALIGNED: bytes back to the enclosing block */
};
_Static_assert(sizeof(struct heap_header) == 16, "the header keeps blocks 16-byte aligned");

enum {
    HEAP_HEADER = sizeof(struct heap_header),
    /* Size classes: 16 to 128 bytes in steps of 16, then 192, 256, 384,
       512, ... (two per power of two) up to HEAP_SMALL_LIMIT. */
    HEAP_CLASSES = 30,
};
/* The kinds of blocks that are not in a size class. */
#define HEAP_MAPPED 0xFFFFFFF0u
#define HEAP_ALIGNED 0xFFFFFFF1u
#define HEAP_SMALL_LIMIT ((size_t)256 << 10)
/* The first area, in .bss: costs nothing until touched. */
#define HEAP_STATIC_AREA ((size_t)256 << 10)
/* Later areas, mapped when the first is used up. */
#define HEAP_AREA ((size_t)1 << 20)

static unsigned char heap_static_area[HEAP_STATIC_AREA] __attribute__((aligned(16)));
static unsigned char *heap_next = heap_static_area;
static unsigned char *heap_end = heap_static_area + HEAP_STATIC_AREA;
/* In .data, not .bss, beside heap_next (whose page the start-up relocation
 * has already written): a first read of a .bss page maps the zero page and
 * the first write then faults a second time, about 1.4 microseconds each. */
static struct heap_header *heap_free_lists[HEAP_CLASSES] __attribute__((section(".data")));

/* A freed small block keeps its header; the list link lives in the block. */
static struct heap_header **heap_link(struct heap_header *header) {
    return (struct heap_header **)(void *)(header + 1);
}

static unsigned heap_class_of(size_t size) {
    if (size <= 128) return size == 0 ? 0 : (unsigned)((size - 1) >> 4);
    unsigned power = 63u - (unsigned)__builtin_clzl(size - 1);  /* 2^power < size <= 2^(power+1) */
    size_t between = (size_t)3 << (power - 1);                   /* 1.5 * 2^power */
    return 8u + 2u * (power - 7u) + (size <= between ? 0u : 1u);
}

static size_t heap_class_size(unsigned index) {
    if (index < 8) return ((size_t)index + 1) << 4;
    unsigned step = index - 8, power = 7 + step / 2;
    return (step & 1) ? (size_t)1 << (power + 1) : (size_t)3 << (power - 1);
}

static void *heap_fail(void) {
    errno = ENOMEM;
    return NULL;
}

static void *heap_map_large(size_t size) {
    size_t page = (size_t)getpagesize();
    if (size > SIZE_MAX - HEAP_HEADER - page) return heap_fail();
    size_t length = (size + HEAP_HEADER + page - 1) & ~(page - 1);
    void *base = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return heap_fail();
    struct heap_header *header = base;
    header->capacity = length - HEAP_HEADER;
    header->kind = HEAP_MAPPED;
    header->offset = 0;
    return header + 1;
}

static void *heap_carve(unsigned index) {
    size_t need = HEAP_HEADER + heap_class_size(index);
    if ((size_t)(heap_end - heap_next) < need) {
        /* Start a new area; what is left of the old one stays unused (at
           most one block's worth less than an area). */
        void *area = mmap(NULL, HEAP_AREA, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (area == MAP_FAILED) return heap_fail();
        heap_next = area;
        heap_end = heap_next + HEAP_AREA;
    }
    struct heap_header *header = (struct heap_header *)(void *)heap_next;
    heap_next += need;
    header->capacity = heap_class_size(index);
    header->kind = index;
    header->offset = 0;
    return header + 1;
}

void *clibc_heap_allocate(size_t size) {
    if (size > HEAP_SMALL_LIMIT) return heap_map_large(size);
    unsigned index = heap_class_of(size);
    struct heap_header *header = heap_free_lists[index];
    if (header) {
        heap_free_lists[index] = *heap_link(header);
        return header + 1;
    }
    return heap_carve(index);
}

static struct heap_header *heap_header_of(void *block) {
    return (struct heap_header *)block - 1;
}

void clibc_heap_free(void *block) {
    if (!block) return;
    struct heap_header *header = heap_header_of(block);
    if (header->kind == HEAP_ALIGNED) {
        block = (unsigned char *)block - header->offset;
        header = heap_header_of(block);
    }
    if (header->kind == HEAP_MAPPED) {
        munmap(header, header->capacity + HEAP_HEADER);
    } else {
        *heap_link(header) = heap_free_lists[header->kind];
        heap_free_lists[header->kind] = header;
    }
}

size_t clibc_heap_usable_size(void *block) {
    return block ? heap_header_of(block)->capacity : 0;
}

void *clibc_heap_allocate_aligned(size_t alignment, size_t size) {
    if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
        errno = EINVAL;
        return NULL;
    }
    if (alignment <= HEAP_HEADER) return clibc_heap_allocate(size);
    if (size > SIZE_MAX - alignment) return heap_fail();
    unsigned char *outer = clibc_heap_allocate(size + alignment);
    if (!outer) return NULL;
    uintptr_t address = ((uintptr_t)outer + alignment - 1) & ~(uintptr_t)(alignment - 1);
    if (address == (uintptr_t)outer) return outer;
    /* Both are 16-byte aligned and distinct, so a header fits before it. */
    unsigned char *inner = (unsigned char *)address;
    struct heap_header *header = heap_header_of(inner);
    header->capacity = heap_header_of(outer)->capacity - (size_t)(inner - outer);
    header->kind = HEAP_ALIGNED;
    header->offset = (uint32_t)(inner - outer);
    return inner;
}

void *clibc_heap_resize(void *block, size_t size) {
    if (!block) return clibc_heap_allocate(size);
    struct heap_header *header = heap_header_of(block);
    if (size <= header->capacity) return block;
    if (header->kind == HEAP_MAPPED && size > HEAP_SMALL_LIMIT) {
        size_t page = (size_t)getpagesize();
        if (size > SIZE_MAX - HEAP_HEADER - page) return heap_fail();
        size_t length = (size + HEAP_HEADER + page - 1) & ~(page - 1);
        void *moved = mremap(header, header->capacity + HEAP_HEADER, length, MREMAP_MAYMOVE);
        if (moved == MAP_FAILED) return heap_fail();
        header = moved;
        header->capacity = length - HEAP_HEADER;
        return header + 1;
    }
    void *grown = clibc_heap_allocate(size);
    if (!grown) return NULL;
    memcpy(grown, block, header->capacity);
    clibc_heap_free(block);
    return grown;
}

void *clibc_heap_allocate_zeroed(size_t count, size_t size) {
    size_t total;
    if (__builtin_mul_overflow(count, size, &total)) return heap_fail();
    void *block = clibc_heap_allocate(total);
    if (block && heap_header_of(block)->kind != HEAP_MAPPED) memset(block, 0, total);
    return block;
}

#ifdef CLIBC_REPLACE_MALLOC
void *malloc(size_t size) { return clibc_heap_allocate(size); }
void free(void *block) { clibc_heap_free(block); }
void *calloc(size_t count, size_t size) { return clibc_heap_allocate_zeroed(count, size); }
void *realloc(void *block, size_t size) { return clibc_heap_resize(block, size); }
void *aligned_alloc(size_t alignment, size_t size) { return clibc_heap_allocate_aligned(alignment, size); }
void *memalign(size_t alignment, size_t size) { return clibc_heap_allocate_aligned(alignment, size); }
size_t malloc_usable_size(void *block) { return clibc_heap_usable_size(block); }
int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment < sizeof(void *)) return EINVAL;
    int saved = errno;
    void *block = clibc_heap_allocate_aligned(alignment, size);
    int error = errno;
    errno = saved;
    if (!block) return error;
    *result = block;
    return 0;
}
#endif
