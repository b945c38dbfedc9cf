/* pdf_objects.c — the one file below hpdf.h; see pdf_objects.h.
 *
 * It calls libharu's functions (public and internal) and reads its
 * fields (the document's memory manager, cross-reference table, catalog,
 * a dictionary's stream); it never assigns one of libharu's fields. What
 * no call can do is done after the save, in the file (pdf_tail.h). */
#include "pdf_objects.h"

#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

HPDF_Dict pdfo_dict(HPDF_Doc doc)
{
    return HPDF_Dict_New(doc->mmgr);
}

HPDF_Dict pdfo_dict_indirect(HPDF_Doc doc)
{
    HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
    /* HPDF_Xref_Add frees the object when it fails */
    return d && HPDF_Xref_Add(doc->xref, d) == HPDF_OK ? d : NULL;
}

HPDF_Array pdfo_array(HPDF_Doc doc)
{
    return HPDF_Array_New(doc->mmgr);
}

/* The image entries HPDF_LoadRawImageFromMem adds; a stream of ours has
 * its caller's entries only. */
static const char *const image_keys[] = {"Type", "Subtype", "ColorSpace", "Width", "Height",
                                         "BitsPerComponent"};

HPDF_Dict pdfo_stream(HPDF_Doc doc, int deflate)
{
    if (!deflate)
        return HPDF_DictStream_New(doc->mmgr, doc->xref);
    /* libharu writes /Filter from a stream's filter field alone (it drops
     * a /Filter entry when the field says none), and no call sets that
     * field on a stream of one's own. The raw image loader is the call
     * that makes a stream from memory with the field set (Flate, as the
     * document compresses images: HPDF_COMP_ALL): an image of no samples
     * (nothing written), whose image entries go. The stream is what
     * HPDF_DictStream_New makes, /Length the same indirect number. */
    static const HPDF_BYTE none[1];
    HPDF_Dict s = HPDF_LoadRawImageFromMem(doc, none, 0, 0, HPDF_CS_DEVICE_GRAY, 8);
    for (size_t i = 0; s && i < sizeof image_keys / sizeof image_keys[0]; i++)
        if (HPDF_Dict_RemoveElement(s, image_keys[i]) != HPDF_OK)
            return NULL; /* the document frees it, as any object it holds */
    return s;
}

HPDF_STATUS pdfo_stream_write(HPDF_Dict stream, const void *data, size_t len)
{
    if (!stream || !stream->stream || len > 0xFFFFFFFFu)
        return HPDF_INVALID_PARAMETER;
    return HPDF_Stream_Write(stream->stream, data, (HPDF_UINT)len);
}

void pdfo_dict_free(HPDF_Dict dict)
{
    if (dict)
        HPDF_Dict_Free(dict);
}

void pdfo_array_free(HPDF_Array array)
{
    if (array)
        HPDF_Array_Free(array);
}

HPDF_STATUS pdfo_add(HPDF_Dict dict, const char *key, void *obj)
{
    if (!dict || !obj)
        return HPDF_INVALID_OBJECT;
    return HPDF_Dict_Add(dict, key, obj);
}

HPDF_STATUS pdfo_add_name(HPDF_Dict dict, const char *key, const char *name)
{
    return dict ? HPDF_Dict_AddName(dict, key, name) : HPDF_INVALID_OBJECT;
}

HPDF_STATUS pdfo_add_int(HPDF_Dict dict, const char *key, long value)
{
    return dict ? HPDF_Dict_AddNumber(dict, key, (HPDF_INT32)value) : HPDF_INVALID_OBJECT;
}

HPDF_STATUS pdfo_add_real(HPDF_Dict dict, const char *key, double value)
{
    return dict ? HPDF_Dict_AddReal(dict, key, (HPDF_REAL)value) : HPDF_INVALID_OBJECT;
}

HPDF_STATUS pdfo_add_bool(HPDF_Dict dict, const char *key, int value)
{
    return dict ? HPDF_Dict_AddBoolean(dict, key, value ? HPDF_TRUE : HPDF_FALSE)
                : HPDF_INVALID_OBJECT;
}

HPDF_STATUS pdfo_add_string(HPDF_Doc doc, HPDF_Dict dict, const char *key, const char *s,
                            HPDF_Encoder encoder)
{
    return pdfo_add(dict, key, HPDF_String_New(doc->mmgr, s, encoder));
}

HPDF_STATUS pdfo_add_bytes(HPDF_Doc doc, HPDF_Dict dict, const char *key, const void *data,
                           size_t len)
{
    return pdfo_add(dict, key, HPDF_Binary_New(doc->mmgr, (HPDF_BYTE *)data, (HPDF_UINT)len));
}

HPDF_Dict pdfo_get_dict(HPDF_Dict dict, const char *key)
{
    return dict ? HPDF_Dict_GetItem(dict, key, HPDF_OCLASS_DICT) : NULL;
}

HPDF_Array pdfo_get_array(HPDF_Dict dict, const char *key)
{
    return dict ? HPDF_Dict_GetItem(dict, key, HPDF_OCLASS_ARRAY) : NULL;
}

int pdfo_has_number(HPDF_Dict dict, const char *key)
{
    return dict && HPDF_Dict_GetItem(dict, key, HPDF_OCLASS_NUMBER) != NULL;
}

HPDF_STATUS pdfo_push(HPDF_Array array, void *obj)
{
    if (!array || !obj)
        return HPDF_INVALID_OBJECT;
    return HPDF_Array_Add(array, obj);
}

HPDF_STATUS pdfo_push_int(HPDF_Array array, long value)
{
    return array ? HPDF_Array_AddNumber(array, (HPDF_INT32)value) : HPDF_INVALID_OBJECT;
}

HPDF_STATUS pdfo_push_string(HPDF_Doc doc, HPDF_Array array, const char *s)
{
    return pdfo_push(array, HPDF_String_New(doc->mmgr, s, NULL));
}

HPDF_STATUS pdfo_push_bytes(HPDF_Doc doc, HPDF_Array array, const void *data, size_t len)
{
    return pdfo_push(array, HPDF_Binary_New(doc->mmgr, (HPDF_BYTE *)data, (HPDF_UINT)len));
}

size_t pdfo_count(HPDF_Array array)
{
    return array ? HPDF_Array_Items(array) : 0;
}

HPDF_Dict pdfo_item_dict(HPDF_Array array, size_t i)
{
    return array ? HPDF_Array_GetItem(array, (HPDF_UINT)i, HPDF_OCLASS_DICT) : NULL;
}

HPDF_Dict pdfo_catalog(HPDF_Doc doc)
{
    return doc->catalog;
}

HPDF_Dict pdfo_info(HPDF_Doc doc)
{
    if (!doc->info) /* setting an entry is the call that makes the dictionary */
        HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "quire");
    return doc->info;
}

HPDF_Dict pdfo_trailer(HPDF_Doc doc)
{
    return doc->trailer;
}

HPDF_STATUS pdfo_page_write(HPDF_Page page, const char *ops)
{
    if (!page || !page->attr)
        return HPDF_INVALID_PAGE;
    return HPDF_Stream_WriteStr(((HPDF_PageAttr)page->attr)->stream, ops);
}

pdfo_refs *pdfo_refs_new(HPDF_Doc doc, size_t first)
{
    /* a table of libharu's own, never written (the document's is
     * doc->xref): its objects are numbered from first, and a dictionary
     * refers to one as to any indirect object */
    if (first == 0 || first > 0x7FFFFF)
        return NULL;
    return (pdfo_refs *)HPDF_Xref_New(doc->mmgr, (HPDF_UINT32)first);
}

void *pdfo_refs_next(pdfo_refs *refs)
{
    HPDF_Xref xref = (HPDF_Xref)refs;
    if (!xref)
        return NULL;
    HPDF_Null obj = HPDF_Null_New(xref->mmgr);
    /* HPDF_Xref_Add frees the object when it fails */
    return obj && HPDF_Xref_Add(xref, obj) == HPDF_OK ? obj : NULL;
}

void pdfo_refs_free(pdfo_refs *refs)
{
    if (refs)
        HPDF_Xref_Free((HPDF_Xref)refs);
}

void pdfo_md5(const void *data, size_t len, unsigned char digest[16])
{
    HPDF_MD5_CTX md5;
    HPDF_MD5Init(&md5);
    HPDF_MD5Update(&md5, data, (HPDF_UINT32)len);
    HPDF_MD5Final(digest, &md5);
}

int pdfo_md5_file(FILE *f, unsigned char digest[16])
{
    HPDF_MD5_CTX md5;
    unsigned char buf[1 << 16];
    size_t got;
    if (fseek(f, 0, SEEK_SET) != 0)
        return -1;
    HPDF_MD5Init(&md5);
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        HPDF_MD5Update(&md5, buf, (HPDF_UINT32)got);
    if (ferror(f))
        return -1;
    HPDF_MD5Final(digest, &md5);
    return 0;
}

size_t pdfo_number(const void *obj)
{
    const HPDF_Obj_Header *h = obj;
    return h && (h->obj_id & HPDF_OTYPE_INDIRECT) ? h->obj_id & 0x00FFFFFF : 0;
}

size_t pdfo_next_number(HPDF_Doc doc)
{
    return doc->xref->start_offset + doc->xref->entries->count;
}
