/* The per-fact loop of the XML instance reader (instance.py), in C: an optional accelerator.

   Scanner.scan(root, final) walks the complete top-level children of an lxml tree being parsed and takes the
   common fact itself: a numeric item of the DTS (a key of `numeric`) whose only attributes are contextRef,
   unitRef, decimals and perhaps an id not used before (`ids`), none in a namespace, whose content is one text
   node, whose context and unit are already defined and whose decimals are already known to the fact table
   (`accuracy`). Such a fact becomes the same
   instance.Fact the Python reader makes, grouped the same way (FactTable.add); when its value is not bare
   ASCII digits of an integer-family type, FactTable.add itself is called with the strings. Every other child
   (contexts, units, other facts, anything unusual) is handed to `element`, the Python reader's code for one
   element, as an lxml element, in document order, so both paths read the same and report the same.
   Nothing is freed here: the caller deletes the children scan() reports as read (`del root[:n]`).

   Only lxml's public C API (elementFactory) and libxml2's node structures are used; the line number comes
   from libxml2's own xmlGetLineNo inside lxml (so lines beyond 65535 are what lxml's sourceline says). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dlfcn.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdint.h>
#include <libxml/tree.h>
#include "lxml-version.h"
#include "etree_defs.h"
#include "lxml.etree_api.h"

static long (*get_line_no)(const xmlNode *) = NULL;
static PyTypeObject *element_type = NULL;  /* lxml.etree._Element */

/* ---- concept table: Clark name bytes -> (concept, qname, integer family) ----------------------------- */

typedef struct {
    char *key;            /* owned copy of "{ns}local" */
    Py_ssize_t len;
    uint64_t hash;
    PyObject *concept;    /* NULL: not a numeric item, handed to `element` */
    PyObject *qname;
    int plain;            /* bare ASCII digits are a valid value of its type */
} Entry;

typedef struct {
    PyObject_HEAD
    PyObject *numeric, *plain, *contexts, *units, *ids, *accuracy, *groups, *fact_type, *add, *element;
    Entry *table;
    size_t cap, used;
    /* one-entry caches of the last context and unit id (facts of one context come together); cleared
       whenever Python code ran, as it may have defined an id again */
    char cid[128]; Py_ssize_t cid_len; PyObject *ctx;
    char uid[128]; Py_ssize_t uid_len; PyObject *unit;
    /* decimals attribute text -> the fact table's accuracy for it (a handful of distinct values) */
    char dec[8][32]; Py_ssize_t dec_len[8]; PyObject *dec_val[8]; int decs;
    /* binding keys (unit << 32 | context) as int objects, one per binding for every concept's dict */
    uint64_t *kval; PyObject **kobj; size_t kcap, kused;
    Py_ssize_t facts;     /* facts taken here */
} Scanner;

static uint64_t fnv(const char *s, Py_ssize_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (Py_ssize_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ULL; }
    return h;
}

static int grow(Scanner *self) {
    size_t cap = self->cap ? self->cap * 2 : 256;
    Entry *t = PyMem_Calloc(cap, sizeof(Entry));
    if (!t) { PyErr_NoMemory(); return -1; }
    for (size_t i = 0; i < self->cap; i++) {
        Entry *e = &self->table[i];
        if (!e->key) continue;
        size_t j = e->hash & (cap - 1);
        while (t[j].key) j = (j + 1) & (cap - 1);
        t[j] = *e;
    }
    PyMem_Free(self->table);
    self->table = t;
    self->cap = cap;
    return 0;
}

/* The entry for the element's Clark name, made on first sight; NULL on error. */
static Entry *concept_of(Scanner *self, xmlNode *node) {
    char stack[512];
    const char *name = (const char *)node->name;
    const char *href = node->ns && node->ns->href ? (const char *)node->ns->href : NULL;
    size_t nlen = strlen(name), hlen = href ? strlen(href) : 0;
    size_t len = href ? hlen + nlen + 2 : nlen;
    char *key = len < sizeof(stack) ? stack : PyMem_Malloc(len + 1);
    if (!key) { PyErr_NoMemory(); return NULL; }
    if (href) {
        key[0] = '{';
        memcpy(key + 1, href, hlen);
        key[hlen + 1] = '}';
        memcpy(key + hlen + 2, name, nlen);
    } else {
        memcpy(key, name, nlen);
    }
    key[len] = 0;
    uint64_t h = fnv(key, (Py_ssize_t)len);
    Entry *found = NULL;
    if (self->cap) {
        size_t j = h & (self->cap - 1);
        while (self->table[j].key) {
            Entry *e = &self->table[j];
            if (e->hash == h && e->len == (Py_ssize_t)len && memcmp(e->key, key, len) == 0) { found = e; break; }
            j = (j + 1) & (self->cap - 1);
        }
    }
    if (!found) {
        if ((self->used + 1) * 2 > self->cap && grow(self) < 0) goto fail;
        PyObject *k = PyUnicode_DecodeUTF8(key, (Py_ssize_t)len, "strict");
        if (!k) goto fail;
        PyObject *concept = PyDict_GetItemWithError(self->numeric, k);  /* borrowed */
        PyObject *qname = NULL;
        int plain = 0;
        if (concept) {
            qname = PyObject_GetAttrString(concept, "qname");
            plain = qname ? PySet_Contains(self->plain, k) : -1;
            if (plain < 0) { Py_XDECREF(qname); Py_DECREF(k); goto fail; }
        } else if (PyErr_Occurred()) { Py_DECREF(k); goto fail; }
        Py_DECREF(k);
        char *own = PyMem_Malloc(len + 1);
        if (!own) { Py_XDECREF(qname); PyErr_NoMemory(); goto fail; }
        memcpy(own, key, len + 1);
        size_t j = h & (self->cap - 1);
        while (self->table[j].key) j = (j + 1) & (self->cap - 1);
        found = &self->table[j];
        found->key = own; found->len = (Py_ssize_t)len; found->hash = h; found->plain = plain;
        Py_XINCREF(concept);
        found->concept = concept;
        found->qname = qname;
        self->used++;
    }
    if (key != stack) PyMem_Free(key);
    return found;
fail:
    if (key != stack) PyMem_Free(key);
    return NULL;
}

/* The int object for binding key `k` (borrowed), made on first sight: a fact table holds one per binding, not
   one per fact. NULL on error. */
static PyObject *binding_key(Scanner *self, uint64_t k) {
    if ((self->kused + 1) * 2 > self->kcap) {
        size_t cap = self->kcap ? self->kcap * 2 : 1024;
        uint64_t *kval = PyMem_Calloc(cap, sizeof(uint64_t));
        PyObject **kobj = PyMem_Calloc(cap, sizeof(PyObject *));
        if (!kval || !kobj) { PyMem_Free(kval); PyMem_Free(kobj); PyErr_NoMemory(); return NULL; }
        for (size_t i = 0; i < self->kcap; i++) {
            if (!self->kobj[i]) continue;
            size_t j = (self->kval[i] * 0x9E3779B97F4A7C15ULL) >> 20 & (cap - 1);
            while (kobj[j]) j = (j + 1) & (cap - 1);
            kval[j] = self->kval[i];
            kobj[j] = self->kobj[i];
        }
        PyMem_Free(self->kval);
        PyMem_Free(self->kobj);
        self->kval = kval;
        self->kobj = kobj;
        self->kcap = cap;
    }
    size_t j = (k * 0x9E3779B97F4A7C15ULL) >> 20 & (self->kcap - 1);
    while (self->kobj[j]) {
        if (self->kval[j] == k) return self->kobj[j];
        j = (j + 1) & (self->kcap - 1);
    }
    PyObject *obj = PyLong_FromUnsignedLongLong(k);
    if (!obj) return NULL;
    self->kval[j] = k;
    self->kobj[j] = obj;
    self->kused++;
    return obj;
}

/* ---- one element ------------------------------------------------------------------------------------ */

/* lxml counts elements, comments, processing instructions and entity references as children */
static int is_child(xmlNode *n) {
    return n->type == XML_ELEMENT_NODE || n->type == XML_COMMENT_NODE || n->type == XML_ENTITY_REF_NODE
        || n->type == XML_PI_NODE;
}

/* The value of an attribute: a single text node (or none: empty); NULL when it is anything else. */
static const char *attr_value(xmlAttr *a) {
    xmlNode *c = a->children;
    if (!c) return "";
    if (c->next || c->type != XML_TEXT_NODE || !c->content) return NULL;
    return (const char *)c->content;
}

static void forget_ids(Scanner *self) {
    self->cid_len = self->uid_len = -1;
    Py_CLEAR(self->ctx);
    Py_CLEAR(self->unit);
}

/* The (class, id) tuple of a context or unit id through a one-entry cache; borrowed; NULL: not defined. */
static PyObject *lookup_id(PyObject *map, const char *text, char *cached, Py_ssize_t *cached_len, PyObject **value,
                           int *error) {
    Py_ssize_t n = (Py_ssize_t)strlen(text);
    if (*value && n == *cached_len && memcmp(cached, text, n) == 0) return *value;
    PyObject *k = PyUnicode_DecodeUTF8(text, n, "strict");
    if (!k) { *error = 1; return NULL; }
    PyObject *v = PyDict_GetItemWithError(map, k);
    Py_DECREF(k);
    if (!v) { *error = PyErr_Occurred() != NULL; return NULL; }
    if (n < 128) {
        Py_INCREF(v);
        Py_XSETREF(*value, v);
        memcpy(cached, text, n);
        *cached_len = n;
    }
    return v;
}

static PyObject *accuracy_of(Scanner *self, const char *text, int *error) {
    Py_ssize_t n = (Py_ssize_t)strlen(text);
    for (int i = 0; i < self->decs; i++)
        if (self->dec_len[i] == n && memcmp(self->dec[i], text, n) == 0) return self->dec_val[i];
    PyObject *k = PyUnicode_DecodeUTF8(text, n, "strict");
    if (!k) { *error = 1; return NULL; }
    PyObject *v = PyDict_GetItemWithError(self->accuracy, k);
    Py_DECREF(k);
    if (!v) { *error = PyErr_Occurred() != NULL; return NULL; }
    if (self->decs < 8 && n < 32) {
        int i = self->decs++;
        memcpy(self->dec[i], text, n);
        self->dec_len[i] = n;
        Py_INCREF(v);
        self->dec_val[i] = v;
    }
    return v;
}

static int hand_over(Scanner *self, struct LxmlDocument *doc, xmlNode *node) {
    PyObject *el = (PyObject *)elementFactory(doc, node);
    if (!el) return -1;
    PyObject *r = PyObject_CallOneArg(self->element, el);
    Py_DECREF(el);
    forget_ids(self);
    if (!r) return -1;
    Py_DECREF(r);
    return 0;
}

static PyObject *decode(const char *s) { return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "strict"); }

/* 1: taken, 0: not a fact this path takes, -1: error */
static int take(Scanner *self, xmlNode *node) {
    Entry *e = concept_of(self, node);
    if (!e) return -1;
    if (!e->concept) return 0;
    const char *cid = NULL, *uid = NULL, *dec = NULL, *fid = NULL;
    int n = 0;
    for (xmlAttr *a = node->properties; a; a = a->next, n++) {
        if (n == 4 || a->ns) return 0;
        const char *name = (const char *)a->name, **slot;
        if (strcmp(name, "contextRef") == 0) slot = &cid;
        else if (strcmp(name, "unitRef") == 0) slot = &uid;
        else if (strcmp(name, "decimals") == 0) slot = &dec;
        else if (strcmp(name, "id") == 0) slot = &fid;
        else return 0;
        if (!(*slot = attr_value(a))) return 0;
    }
    if (!cid || !uid || !dec) return 0;
    xmlNode *t = node->children;
    if (!t || t->next || (t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE) || !t->content) return 0;
    const char *text = (const char *)t->content;
    int error = 0;
    PyObject *ctx = lookup_id(self->contexts, cid, self->cid, &self->cid_len, &self->ctx, &error);
    if (!ctx) return error ? -1 : 0;
    PyObject *unit = lookup_id(self->units, uid, self->uid, &self->uid_len, &self->unit, &error);
    if (!unit) return error ? -1 : 0;
    if (!PyTuple_Check(ctx) || PyTuple_GET_SIZE(ctx) != 2 || !PyTuple_Check(unit) || PyTuple_GET_SIZE(unit) != 2) {
        PyErr_SetString(PyExc_TypeError, "contexts and units map ids to (class, id)");
        return -1;
    }
    long line = get_line_no(node);
    PyObject *pyline = line > 0 ? PyLong_FromLong(line) : Py_NewRef(Py_None);
    if (!pyline) return -1;
    PyObject *pyid = Py_NewRef(Py_None);
    if (fid) {  /* a new id is recorded as FactChecks.fact_id does; one seen before is the Python code's to report */
        Py_SETREF(pyid, decode(fid));
        if (!pyid) { Py_DECREF(pyline); return -1; }
        int seen = PyDict_Contains(self->ids, pyid);
        if (seen != 0 || PyDict_SetItem(self->ids, pyid, pyline) < 0) {
            Py_DECREF(pyid); Py_DECREF(pyline);
            return seen > 0 ? 0 : -1;
        }
    }

    PyObject *value = NULL, *acc = NULL;
    if (e->plain) {
        long long v = 0;
        Py_ssize_t i = 0;
        for (; i < 18 && text[i] >= '0' && text[i] <= '9'; i++) v = v * 10 + (text[i] - '0');  /* < 10^18 */
        if (i > 0 && text[i] == 0 && !(value = PyLong_FromLongLong(v))) goto fail;
    }
    if (value && !(acc = accuracy_of(self, dec, &error)) && error) goto fail;
    if (!value || !acc) {  /* a value or decimals FactTable.add judges itself */
        Py_CLEAR(value);
        PyObject *stext = decode(text), *sdec = decode(dec);
        PyObject *r = NULL;
        if (stext && sdec) {
            PyObject *args[8] = {e->concept, ctx, unit, stext, sdec, Py_None, pyline, pyid};
            r = PyObject_Vectorcall(self->add, args, 8, NULL);
        }
        Py_XDECREF(stext); Py_XDECREF(sdec);
        if (!r) goto fail;
        Py_DECREF(r);
        Py_DECREF(pyline); Py_DECREF(pyid);
        self->facts++;
        return 1;
    }
    PyObject *cls = PyTuple_GET_ITEM(ctx, 0), *ucls = PyTuple_GET_ITEM(unit, 0);
    long long c = PyLong_AsLongLong(cls), u = PyLong_AsLongLong(ucls);
    if ((c == -1 || u == -1) && PyErr_Occurred()) goto fail;
    PyObject *fact = ((PyTypeObject *)self->fact_type)->tp_alloc((PyTypeObject *)self->fact_type, 9);
    if (!fact) goto fail;
    /* the fact takes over the references to value, line and id */
    PyObject *items[9] = {e->qname, cls, ucls, value, acc, PyTuple_GET_ITEM(ctx, 1), PyTuple_GET_ITEM(unit, 1),
                          pyline, pyid};
    for (int i = 0; i < 9; i++) {
        if (i != 3 && i != 7 && i != 8) Py_INCREF(items[i]);
        PyTuple_SET_ITEM(fact, i, items[i]);
    }
    int rc = -1;
    PyObject *key, *same;
    PyObject *by_key = PyDict_GetItemWithError(self->groups, e->qname);
    if (!by_key) {
        if (PyErr_Occurred() || !(by_key = PyDict_New())) goto done;
        int bad = PyDict_SetItem(self->groups, e->qname, by_key);
        Py_DECREF(by_key);  /* the groups dict holds it */
        if (bad) goto done;
    }
    key = binding_key(self, (uint64_t)u << 32 | (uint64_t)c);
    if (!key) goto done;
    same = PyDict_GetItemWithError(by_key, key);
    if (same) {
        rc = PyList_Append(same, fact);
    } else if (!PyErr_Occurred()) {
        PyObject *list = PyList_New(1);
        if (list) {
            Py_INCREF(fact);
            PyList_SET_ITEM(list, 0, fact);
            rc = PyDict_SetItem(by_key, key, list);
            Py_DECREF(list);
        }
    }
done:
    Py_DECREF(fact);
    if (rc < 0) return -1;
    self->facts++;
    return 1;
fail:
    Py_XDECREF(value);
    Py_DECREF(pyline);
    Py_DECREF(pyid);
    return -1;
}

static PyObject *Scanner_scan(Scanner *self, PyObject *args) {
    PyObject *root;
    int final;
    if (!PyArg_ParseTuple(args, "Op", &root, &final)) return NULL;
    if (!PyObject_TypeCheck(root, element_type)) {
        PyErr_SetString(PyExc_TypeError, "scan() needs an lxml element");
        return NULL;
    }
    struct LxmlElement *r = (struct LxmlElement *)root;
    struct LxmlDocument *doc = r->_doc;
    Py_INCREF(root);  /* keeps the document alive whatever the callbacks do */
    xmlNode *last = NULL;
    if (!final)
        for (xmlNode *c = r->_c_node->last; c; c = c->prev)
            if (is_child(c)) { last = c; break; }
    Py_ssize_t read = 0;
    xmlNode *node = r->_c_node->children;
    while (node && node != last) {
        xmlNode *next = node->next;  /* the callbacks may not touch the tree, but read it before them anyway */
        if (is_child(node)) {
            read++;
            if (node->type == XML_ELEMENT_NODE) {
                int took = take(self, node);
                if (took < 0 || (took == 0 && hand_over(self, doc, node) < 0)) { Py_DECREF(root); return NULL; }
            }
        }
        node = next;
    }
    Py_DECREF(root);
    return PyLong_FromSsize_t(read);
}

static int Scanner_init(Scanner *self, PyObject *args, PyObject *kwds) {
    static char *names[] = {"numeric", "plain", "contexts", "units", "ids", "accuracy", "groups", "fact_type", "add",
                            "element", NULL};
    PyObject *numeric, *plain, *contexts, *units, *ids, *accuracy, *groups, *fact_type, *add, *element;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!OO!O!O!O!O!O!OO", names, &PyDict_Type, &numeric, &plain,
                                     &PyDict_Type, &contexts, &PyDict_Type, &units, &PyDict_Type, &ids,
                                     &PyDict_Type, &accuracy, &PyDict_Type, &groups, &PyType_Type, &fact_type, &add,
                                     &element))
        return -1;
    if (!PyType_IsSubtype((PyTypeObject *)fact_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "fact_type must be a tuple type");
        return -1;
    }
    PyObject *objs[] = {numeric, plain, contexts, units, ids, accuracy, groups, fact_type, add, element};
    PyObject **slots[] = {&self->numeric, &self->plain, &self->contexts, &self->units, &self->ids, &self->accuracy,
                          &self->groups, &self->fact_type, &self->add, &self->element};
    for (int i = 0; i < 10; i++) Py_XSETREF(*slots[i], Py_NewRef(objs[i]));
    self->cid_len = self->uid_len = -1;
    return 0;
}

static void Scanner_dealloc(Scanner *self) {
    for (size_t i = 0; i < self->cap; i++) {
        Entry *e = &self->table[i];
        if (!e->key) continue;
        PyMem_Free(e->key);
        Py_XDECREF(e->concept);
        Py_XDECREF(e->qname);
    }
    PyMem_Free(self->table);
    for (size_t i = 0; i < self->kcap; i++) Py_XDECREF(self->kobj[i]);
    PyMem_Free(self->kval);
    PyMem_Free(self->kobj);
    for (int i = 0; i < self->decs; i++) Py_DECREF(self->dec_val[i]);
    forget_ids(self);
    Py_XDECREF(self->numeric); Py_XDECREF(self->plain); Py_XDECREF(self->contexts); Py_XDECREF(self->units);
    Py_XDECREF(self->ids);
    Py_XDECREF(self->accuracy); Py_XDECREF(self->groups); Py_XDECREF(self->fact_type); Py_XDECREF(self->add);
    Py_XDECREF(self->element);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *Scanner_facts(Scanner *self, void *closure) { return PyLong_FromSsize_t(self->facts); }

static PyMethodDef Scanner_methods[] = {
    {"scan", (PyCFunction)Scanner_scan, METH_VARARGS,
     "scan(root, final) -> number of the root's children read (all but the last unless final)"},
    {NULL}
};

static PyGetSetDef Scanner_getset[] = {
    {"facts", (getter)Scanner_facts, NULL, "facts taken by the compiled path", NULL},
    {NULL}
};

static PyTypeObject ScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "iij_xbrl.xbrl._factscan.Scanner",
    .tp_basicsize = sizeof(Scanner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Scanner_init,
    .tp_dealloc = (destructor)Scanner_dealloc,
    .tp_methods = Scanner_methods,
    .tp_getset = Scanner_getset,
    .tp_doc = "The per-fact loop of instance.py's XML reader.",
};

/* ---- namespace scope ----------------------------------------------------------------------------------- */

/* Scope(element).get(prefix): what element.nsmap.get(prefix) gives (the nearest declaration of `prefix`, None
   for the default namespace), without building the whole nsmap dict for each QName a context holds. */
typedef struct {
    PyObject_HEAD
    PyObject *element;
} Scope;

static PyObject *Scope_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    PyObject *el;
    if (!PyArg_ParseTuple(args, "O!", element_type, &el)) return NULL;
    Scope *self = (Scope *)type->tp_alloc(type, 0);
    if (self) self->element = Py_NewRef(el);
    return (PyObject *)self;
}

static void Scope_dealloc(Scope *self) {
    Py_XDECREF(self->element);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *Scope_get(Scope *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "get(prefix[, default])");
        return NULL;
    }
    const char *prefix = NULL;
    if (args[0] != Py_None && !(prefix = PyUnicode_AsUTF8(args[0]))) return NULL;
    for (xmlNode *n = ((struct LxmlElement *)self->element)->_c_node; n && n->type == XML_ELEMENT_NODE;
         n = n->parent)
        for (xmlNs *ns = n->nsDef; ns; ns = ns->next)
            if (prefix ? ns->prefix && strcmp((const char *)ns->prefix, prefix) == 0 : ns->prefix == NULL)
                return ns->href ? decode((const char *)ns->href) : PyUnicode_FromString("");
    return Py_NewRef(nargs == 2 ? args[1] : Py_None);
}

static PyMethodDef Scope_methods[] = {
    {"get", (PyCFunction)(void (*)(void))Scope_get, METH_FASTCALL, "get(prefix[, default]): its namespace"},
    {NULL}
};

static PyTypeObject ScopeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "iij_xbrl.xbrl._factscan.Scope",
    .tp_basicsize = sizeof(Scope),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Scope_new,
    .tp_dealloc = (destructor)Scope_dealloc,
    .tp_methods = Scope_methods,
    .tp_doc = "The namespace declarations in scope at an lxml element, looked up one prefix at a time.",
};

/* Parsed documents are freed into the C heap, where Python's objects (in arenas of their own) never reuse the
   space: a reader calls this once a taxonomy or an instance is read, so that peak memory is what is alive. */
static PyObject *release_memory(PyObject *module, PyObject *unused) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    Py_RETURN_NONE;
}

static PyMethodDef functions[] = {
    {"release_memory", release_memory, METH_NOARGS, "give the C heap's free pages back to the operating system"},
    {NULL}
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_factscan", NULL, -1, functions};

PyMODINIT_FUNC PyInit__factscan(void) {
    if (import_lxml__etree() < 0) return NULL;
    /* lxml links libxml2 into lxml.etree (or loads it as a dependency): its xmlGetLineNo is the one lxml's
       sourceline calls */
    PyObject *etree = PyImport_ImportModule("lxml.etree");
    if (!etree) return NULL;
    element_type = (PyTypeObject *)PyObject_GetAttrString(etree, "_Element");
    PyObject *file = PyObject_GetAttrString(etree, "__file__");
    Py_DECREF(etree);
    if (!element_type || !PyType_Check(element_type)) return NULL;
    if (!file) return NULL;
    const char *path = PyUnicode_AsUTF8(file);
    void *handle = path ? dlopen(path, RTLD_LAZY | RTLD_NOLOAD) : NULL;
    Py_DECREF(file);
    if (handle) get_line_no = (long (*)(const xmlNode *))dlsym(handle, "xmlGetLineNo");
    if (!get_line_no) {
        PyErr_SetString(PyExc_ImportError, "xmlGetLineNo not found in lxml.etree");
        return NULL;
    }
    if (PyType_Ready(&ScannerType) < 0 || PyType_Ready(&ScopeType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    if (PyModule_AddObjectRef(m, "Scanner", (PyObject *)&ScannerType) < 0 ||
        PyModule_AddObjectRef(m, "Scope", (PyObject *)&ScopeType) < 0) { Py_DECREF(m); return NULL; }
    return m;
}
